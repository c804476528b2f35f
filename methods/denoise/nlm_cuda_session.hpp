#pragma once
// Patch-wise NLM on a CUDA device, callable from plain C++: the device buffers live as long as the
// session; each frame goes up padded and comes back denoised. CUDA failures become DeviceError.
#include <memory>

namespace lqs::gpu::cuda {

struct NlmCudaSettings {
  int device = 0, rows = 0, cols = 0, pad = 0, offset = 3, distance = 11;
  float h2s2 = 0, variance2 = 0;
};

class NlmPatchwiseSession {
 public:
  explicit NlmPatchwiseSession(const NlmCudaSettings& settings);
  ~NlmPatchwiseSession();
  // padded: (rows + 2 pad) x (cols + 2 pad), mirrored; out: rows x cols.
  void frame(const float* padded, float* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
