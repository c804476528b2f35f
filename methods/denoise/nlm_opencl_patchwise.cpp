// Patch-wise NLM on OpenCL: one search shift at a time (gpu/kernels/nlm.cl) over a whole batch of
// frames, the frames and their weight/sum accumulators staying on the device for all shifts.
#ifdef LQS_HAVE_OPENCL
#include <algorithm>

#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

Result runNlmOpenclPatchwise(const RunContext& c, gpu::OpenclDevice& gpu) {
  const Stack& in = finiteInput(c);
  const NlmSettings s = nlmSettings(c.params);
  const std::size_t rows = in.rows(), cols = in.cols();
  const int pad = s.pad(), paddedCols = int(cols) + 2 * pad;
  cl::Kernel columnsKernel = gpu.kernel("nlm.cl", "lqs_nlm_shift_columns_frames");
  cl::Kernel accumulateKernel = gpu.kernel("nlm.cl", "lqs_nlm_shift_accumulate_frames");
  cl::Kernel normaliseKernel = gpu.kernel("nlm.cl", "lqs_nlm_normalise_frames");
  gpu::FrameTransfer transfer = paddedFrames(in, pad);
  transfer.workPerFrame = rows * std::size_t(paddedCols) + 2 * in.frameSize();  // column sums, sum, weight
  gpu::Buffer<float> columns, sum, weight;  // sized by the first (largest) batch
  const auto denoise = [&](const auto& source, const auto& target, std::size_t n) {
    if (sum.count() < n * in.frameSize()) {
      columns = gpu.allocate<float>(n * rows * std::size_t(paddedCols));
      sum = gpu.allocate<float>(n * in.frameSize());
      weight = gpu.allocate<float>(n * in.frameSize());
    }
    gpu.fill(sum, 0.0f);
    gpu.fill(weight, 0.0f);
    const auto patch = gpu::byValue(s.patch);
    for (int dr = -s.distance(); dr <= s.distance(); ++dr)
      for (int dc = -s.distance(); dc <= s.distance(); ++dc) {
        gpu.launch(columnsKernel, frameGrid(rows, cols + std::max(s.patch.extent - 1, 0), n), source, columns,
                   int(rows), int(cols), pad, dr, dc, patch);
        gpu.launch(accumulateKernel, frameGrid(rows, cols, n), source, columns, sum, weight, int(rows),
                   int(cols), pad, dr, dc, patch);
      }
    gpu.launch(normaliseKernel, frameGrid(rows, cols, n), sum, weight, target, int(rows), int(cols));
  };
  return Result::of("image", openclFrames(gpu, in, rows, cols, c.job, denoise, transfer));
}

}  // namespace lqs
#endif
