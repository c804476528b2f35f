// Patch-wise NLM on CUDA: frames padded on the host, denoised by the device session.
#ifdef LQS_HAVE_CUDA
#include "methods/denoise/nlm_cuda_session.hpp"
#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

Result runNlmCudaPatchwise(const RunContext& c, int device) {
  const NlmSettings s = nlmSettings(c.params);
  gpu::cuda::NlmPatchwiseSession session(device, int(c.stack(0).rows()), int(c.stack(0).cols()), s);
  return denoiseFrames(
      c, [&](const std::vector<float>& padded, float* out) { session.frame(padded.data(), out); });
}

}  // namespace lqs
#endif
