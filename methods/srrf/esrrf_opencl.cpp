// eSRRF on an OpenCL device: gradients, lattice, convergence and the temporal sums stay on the
// device; one reduced image per time point comes back.
#include "methods/srrf/esrrf.hpp"

#ifdef LQS_HAVE_OPENCL
#include "core/errors.hpp"

namespace lqs {

Result runEsrrfOpencl(const RunContext& c, gpu::OpenclDevice& gpu) {
  const FrameBlocks in(c.inputs.at(0));
  const EsrrfPlan plan = planEsrrf(c);
  const int mag = plan.settings.magnification, rows = int(in.rows()), cols = int(in.cols());
  const std::size_t latticeSize = std::size_t(2 * rows + 1) * (2 * cols + 1), mapSize = in.frameSize() * mag * mag;
  // a temporal state is at most 8 floats (three double sums, two floats, padding)
  const std::size_t stateFloats = 8;
  if (std::max(latticeSize, mapSize * stateFloats) * sizeof(float) > gpu.maxAllocation())
    throw DeviceError("a " + std::to_string(rows * mag) + "x" + std::to_string(cols * mag) +
                      " reconstruction does not fit in one device allocation");
  const RgcTable table = makeRgcTable(mag, plan.settings.radius);
  const auto entries = gpu.upload(table.entries.data(), table.entries.size());
  const auto first = gpu.upload(table.first.data(), table.first.size());
  const auto count = gpu.upload(table.count.data(), table.count.size());
  const auto offsets = gpu.upload(table.latticeRowOf.data(), table.latticeRowOf.size());
  gpu::Buffer<float> gradCol = gpu.allocate<float>(in.frameSize()),
                     gradRow = gpu.allocate<float>(in.frameSize());
  gpu::Buffer<float> latticeCol = gpu.allocate<float>(latticeSize),
                     latticeRow = gpu.allocate<float>(latticeSize);
  gpu::Buffer<float> states = gpu.allocate<float>(mapSize * stateFloats), map = gpu.allocate<float>(mapSize);
  cl::Kernel roberts = gpu.kernel("esrrf.cl", "roberts_cross");
  cl::Kernel lattice = gpu.kernel("esrrf.cl", "gradient_lattice");
  cl::Kernel convergence = gpu.kernel("esrrf.cl", "converge_accumulate");
  cl::Kernel result = gpu.kernel("esrrf.cl", "temporal_result");
  const int mode = int(plan.mode);
  int framesInTimepoint = 0;

  const auto frame = gpu.allocate<float>(in.frameSize());  // reused: no allocation per frame
  const auto add = [&](const float* host, std::size_t) {
    gpu.upload(frame, host, in.frameSize());
    gpu.launch(roberts, {in.rows(), in.cols()}, frame, gradCol, gradRow);
    gpu.launch(lattice, {std::size_t(2 * rows + 1), std::size_t(2 * cols + 1)}, gradCol, gradRow, latticeCol,
               latticeRow, rows, cols, mag);
    gpu.launch(convergence, {std::size_t(rows * mag), std::size_t(cols * mag)}, frame, latticeCol, latticeRow,
               states, mode, framesInTimepoint++, rows, cols, mag, entries, first, count, offsets,
               table.margin, plan.settings.sensitivity, plan.settings.intensityWeighting ? 1 : 0);
  };
  const auto finish = [&](float* out) {
    gpu.launch(result, {std::size_t(rows * mag), std::size_t(cols * mag)}, states, map, mode,
               framesInTimepoint);
    gpu.download(map, out, mapSize);
    framesInTimepoint = 0;
  };
  return Result::of("image", plan.reconstruct(c, EsrrfPlan::Reducer{1, add, finish}));
}

}  // namespace lqs
#endif
