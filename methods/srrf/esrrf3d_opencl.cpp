// eSRRF 3D on an OpenCL device: gradients, magnification and convergence of each volume stay on the
// device; the volume's map comes back for the temporal reduction.
#include "methods/srrf/esrrf3d.hpp"

#ifdef LQS_HAVE_OPENCL
#include "core/errors.hpp"

namespace lqs {

Result runEsrrf3dOpencl(const RunContext& c, gpu::OpenclDevice& gpu) {
  const Esrrf3dPlan plan = planEsrrf3d(c);
  const std::size_t n = plan.volumeSize(), nM = plan.magnifiedSize();
  if (nM * sizeof(float) > gpu.maxAllocation())
    throw DeviceError("a magnified volume of " + std::to_string(nM) +
                      " voxels does not fit in one device allocation");
  const std::size_t lines = std::size_t(plan.slices) * plan.rows,
                    linesM = std::size_t(plan.slices * plan.magZ) * plan.rows * plan.magXY;
  const std::size_t colsM = std::size_t(plan.cols * plan.magXY);
  gpu::Buffer<float> gradients[3] = {gpu.allocate<float>(n), gpu.allocate<float>(n), gpu.allocate<float>(n)};
  gpu::Buffer<float> magnified[4] = {gpu.allocate<float>(nM), gpu.allocate<float>(nM),
                                     gpu.allocate<float>(nM), gpu.allocate<float>(nM)};
  const auto map = gpu.allocate<float>(nM);
  const std::vector<float> table = plan.offsetTable();
  const auto offsets = gpu.upload(table.data(), table.size());
  cl::Kernel gradient = gpu.kernel("esrrf3d.cl", "gradient_3d");
  cl::Kernel magnify = gpu.kernel("esrrf3d.cl", "magnify_3d");
  cl::Kernel unit = gpu.kernel("esrrf3d.cl", "unit_gradient");
  cl::Kernel converge = gpu.kernel("esrrf3d.cl", "converge_3d");
  return Result::of("image", plan.reconstruct(c, [&](const float* host, float* out) {
    // a buffer made from the volume: on NVIDIA a blocking write into a kept one made 4 x 64^3 2.4x slower
    const auto volume = gpu.upload(host, n);
    gpu.launch(gradient, {lines, std::size_t(plan.cols)}, volume, gradients[0], gradients[1], gradients[2],
               plan.slices, plan.rows);
    const gpu::Buffer<float>* sources[4] = {&gradients[0], &gradients[1], &gradients[2], &volume};
    for (int v = 0; v < 4; ++v) {
      gpu.launch(magnify, {linesM, colsM}, *sources[v], magnified[v], plan.rows, plan.cols, plan.magXY,
                 plan.magZ);
    }
    gpu.launch(unit, {linesM, colsM}, magnified[0], magnified[1], magnified[2]);
    gpu.launch(converge, {linesM, colsM}, magnified[0], magnified[1], magnified[2], magnified[3], offsets,
               map, plan.slices, plan.rows, plan.cols, plan.magXY, plan.magZ, plan.radius, plan.radiusZ,
               plan.sensitivity, plan.intensityWeighting ? 1 : 0);
    gpu.download(map, out, nM);
  }));
}

}  // namespace lqs
#endif
