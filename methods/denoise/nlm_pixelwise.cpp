// Pixel-wise NLM: each pixel visits every shift and sums its patch box directly (gpu/kernels/nlm.h).
#include <algorithm>

#include "gpu/kernels/nlm.h"
#include "methods/common/cpu.hpp"
#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"
#ifdef LQS_HAVE_CUDA
#include "gpu/cuda/cuda_kernels.hpp"
#endif

namespace lqs {

Result runNlmPixelwise(const RunContext& c, CpuSchedule schedule) {
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(c.stack(0).rows()), cols = int(c.stack(0).cols()), pad = s.pad();
  return denoiseFrames(c, [&](const std::vector<float>& padded, float* out) {
    forRange(schedule, std::size_t(rows), [&](std::size_t begin, std::size_t end) {
      for (int r = int(begin); r < int(end); ++r)
        for (int col = 0; col < cols; ++col) {
          c.job.checkCancelled();  // a pixel takes up to ~10 ms at patch 51, distance 50; a row, seconds
          out[r * cols + col] = lqs_nlm_pixel(padded.data(), rows, cols, pad, r, col, s.patch);
        }
    });
  });
}

#ifdef LQS_HAVE_CUDA
Result runNlmCuda(const RunContext& c, int device) {
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(c.stack(0).rows()), cols = int(c.stack(0).cols());
  return denoiseFrames(c, [&](const std::vector<float>& padded, float* out) {
    gpu::cuda::nlmPixelwise(device, padded.data(), rows, cols, s.pad(), s.patch, out);
  });
}
#endif

#ifdef LQS_HAVE_OPENCL
gpu::FrameTransfer paddedFrames(const Stack& in, int pad) {
  gpu::FrameTransfer transfer;
  transfer.inFrame = (in.rows() + 2 * std::size_t(pad)) * (in.cols() + 2 * std::size_t(pad));
  transfer.stage = [&in, pad](std::size_t t, float* destination) {
    const auto padded = reflectPad(in.frame(t), int(in.rows()), int(in.cols()), pad);
    std::copy(padded.begin(), padded.end(), destination);
  };
  return transfer;
}

Result runNlmOpencl(const RunContext& c, gpu::OpenclDevice& gpu) {
  const Stack& in = finiteInput(c);
  const NlmSettings s = nlmSettings(c.params);
  const int pad = s.pad();
  cl::Kernel kernel = gpu.kernel("nlm.cl", "lqs_nlm_pixelwise_frames");
  return Result::of("image", openclFrames(
                                 gpu, in, in.rows(), in.cols(), c.job,
                                 [&](const auto& source, const auto& target, std::size_t n) {
                                   gpu.launch(kernel, frameGrid(in.rows(), in.cols(), n), source, target,
                                              int(in.rows()), int(in.cols()), pad, gpu::byValue(s.patch));
                                 },
                                 paddedFrames(in, pad)));
}
#endif

}  // namespace lqs
