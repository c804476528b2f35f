// eSRRF on an OpenCL device: gradients, lattice sampling and convergence stay on the device; each
// frame's map comes back for the temporal accumulation.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_OPENCL
#include "core/errors.hpp"

namespace lqs {

Result runEsrrfOpencl(const RunContext& c, gpu::OpenclDevice& gpu) {
  const Stack& in = c.stack(0);
  const EsrrfPlan plan = planEsrrf(c);
  const int mag = plan.settings.magnification, rows = int(in.rows()), cols = int(in.cols());
  const std::size_t latticeSize = std::size_t(2 * rows + 1) * (2 * cols + 1), mapSize = in.frameSize() * mag * mag;
  if ((latticeSize + mapSize) * sizeof(float) > gpu.maxAllocation())
    throw DeviceError("a " + std::to_string(rows * mag) + "x" + std::to_string(cols * mag) +
                      " reconstruction does not fit in one device allocation");
  const RgcTable table = makeRgcTable(mag, plan.settings.radius);
  const cl::Buffer entries = gpu.upload(table.entries.data(), table.entries.size());
  const cl::Buffer first = gpu.upload(table.first.data(), table.first.size());
  const cl::Buffer count = gpu.upload(table.count.data(), table.count.size());
  const cl::Buffer offsets = gpu.upload(table.latticeRowOf.data(), table.latticeRowOf.size());
  cl::Buffer gradCol = gpu.allocate(in.frameSize()), gradRow = gpu.allocate(in.frameSize());
  cl::Buffer latticeCol = gpu.allocate(latticeSize), latticeRow = gpu.allocate(latticeSize), map = gpu.allocate(mapSize);
  cl::Kernel roberts = gpu.kernel("esrrf.cl", "roberts_cross");
  cl::Kernel lattice = gpu.kernel("esrrf.cl", "gradient_lattice");
  cl::Kernel convergence = gpu.kernel("esrrf.cl", "radial_convergence");

  return Result{{Output{"image", plan.reconstruct(c, [&](std::size_t t, float* host) {
                          const cl::Buffer frame = gpu.upload(in.frame(t).data(), in.frameSize());
                          setArguments(roberts, frame, gradCol, gradRow);
                          gpu.run(roberts, in.rows(), in.cols());
                          setArguments(lattice, gradCol, gradRow, latticeCol, latticeRow, rows, cols, mag);
                          gpu.run(lattice, std::size_t(2 * rows + 1), std::size_t(2 * cols + 1));
                          setArguments(convergence, frame, latticeCol, latticeRow, map, rows, cols, mag, entries,
                                       first, count, offsets, table.margin, plan.settings.sensitivity,
                                       plan.settings.intensityWeighting ? 1 : 0);
                          gpu.run(convergence, std::size_t(rows * mag), std::size_t(cols * mag));
                          gpu.download(map, host, mapSize);
                        })}}};
}

}  // namespace lqs
#endif
