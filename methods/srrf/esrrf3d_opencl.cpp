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
  cl::Buffer gradients[3] = {gpu.allocate(n), gpu.allocate(n), gpu.allocate(n)};
  cl::Buffer magnified[4] = {gpu.allocate(nM), gpu.allocate(nM), gpu.allocate(nM), gpu.allocate(nM)};
  cl::Buffer map = gpu.allocate(nM);
  const std::vector<float> table = plan.offsetTable();
  const cl::Buffer offsets = gpu.upload(table.data(), table.size());
  cl::Kernel gradient = gpu.kernel("esrrf3d.cl", "gradient_3d");
  cl::Kernel magnify = gpu.kernel("esrrf3d.cl", "magnify_3d");
  cl::Kernel unit = gpu.kernel("esrrf3d.cl", "unit_gradient");
  cl::Kernel converge = gpu.kernel("esrrf3d.cl", "converge_3d");
  return Result::of(
      "image", plan.reconstruct(c, [&](const float* host, float* out) {
        const cl::Buffer volume = gpu.upload(host, n);
        setArguments(gradient, volume, gradients[0], gradients[1], gradients[2], plan.slices, plan.rows);
        gpu.run(gradient, lines, std::size_t(plan.cols));
        const cl::Buffer* sources[4] = {&gradients[0], &gradients[1], &gradients[2], &volume};
        for (int v = 0; v < 4; ++v) {
          setArguments(magnify, *sources[v], magnified[v], plan.rows, plan.cols, plan.magXY, plan.magZ);
          gpu.run(magnify, linesM, colsM);
        }
        setArguments(unit, magnified[0], magnified[1], magnified[2]);
        gpu.run(unit, linesM, colsM);
        setArguments(converge, magnified[0], magnified[1], magnified[2], magnified[3], offsets, map,
                     plan.slices, plan.rows, plan.cols, plan.magXY, plan.magZ, plan.radius, plan.radiusZ,
                     plan.sensitivity, plan.intensityWeighting ? 1 : 0);
        gpu.run(converge, linesM, colsM);
        gpu.download(map, out, nM);
      }));
}

}  // namespace lqs
#endif
