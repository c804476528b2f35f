// eSRRF on an OpenCL device: gradients, lattice sampling and convergence stay on the device; each
// frame's map comes back for the temporal accumulation.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_OPENCL
#include "core/errors.hpp"
#include "methods/srrf/esrrf_frame.hpp"
#include "methods/srrf/macro_pixel.hpp"
#include "methods/srrf/temporal.hpp"

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

  Stack out = plan.output(in);
  std::vector<float> host(mapSize);
  std::size_t done = 0;
  for (std::size_t b = 0; b < plan.blocks.size(); ++b) {
    TemporalAccumulator accumulator(plan.mode, mapSize);
    for (std::size_t t = plan.blocks[b].first; t < plan.blocks[b].first + plan.blocks[b].second; ++t) {
      c.job.checkCancelled();
      const cl::Buffer frame = gpu.upload(in.frame(t).data(), in.frameSize());
      setArguments(roberts, frame, gradCol, gradRow);
      gpu.run(roberts, in.rows(), in.cols());
      setArguments(lattice, gradCol, gradRow, latticeCol, latticeRow, rows, cols, mag);
      gpu.run(lattice, std::size_t(2 * rows + 1), std::size_t(2 * cols + 1));
      setArguments(convergence, frame, latticeCol, latticeRow, map, rows, cols, mag, entries, first, count, offsets,
                   table.margin, plan.settings.sensitivity, plan.settings.intensityWeighting ? 1 : 0);
      gpu.run(convergence, out.rows(), out.cols());
      gpu.download(map, host.data(), mapSize);
      accumulator.add(host.data());
      c.job.progress(double(++done) / double(in.frames()), "esrrf");
    }
    plan.finish(accumulator, out, b);
  }
  return Result{{Output{"image", std::move(out)}}};
}

}  // namespace lqs
#endif
