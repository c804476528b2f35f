// Patch-wise NLM on CUDA: frames padded on the host, denoised by the device session.
#ifdef LQS_HAVE_CUDA
#include "methods/denoise/nlm_cuda_session.hpp"
#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

Result runNlmCudaPatchwise(const RunContext& c, int device) {
  const Stack& in = finiteInput(c);
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(in.rows()), cols = int(in.cols());
  gpu::cuda::NlmPatchwiseSession session({device, rows, cols, s.pad(), s.offset, s.distance, s.h2s2, s.variance2});
  Stack out(in.frames(), in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  for (std::size_t t = 0; t < in.frames(); ++t) {
    c.job.checkCancelled();
    session.frame(reflectPad(in.frame(t), rows, cols, s.pad()).data(), out.frame(t).data());
    c.job.progress(double(t + 1) / double(in.frames()), "nlm");
  }
  return Result::of("image", std::move(out));
}

}  // namespace lqs
#endif
