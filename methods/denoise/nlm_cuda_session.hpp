#pragma once
// Patch-wise NLM on a CUDA device, callable from plain C++: the device buffers live as long as the
// session; each frame goes up padded and comes back denoised. CUDA failures become DeviceError.
#include <memory>

#include "methods/denoise/nlm_settings.hpp"

namespace lqs::gpu::cuda {

class NlmPatchwiseSession {
 public:
  NlmPatchwiseSession(int device, int rows, int cols, const NlmSettings& settings);
  ~NlmPatchwiseSession();
  // padded: (rows + 2 pad) x (cols + 2 pad), mirrored; out: rows x cols.
  void frame(const float* padded, float* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
