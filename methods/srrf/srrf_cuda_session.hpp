#pragma once
// SRRF radiality on a CUDA device, callable from plain C++: the ring and buffers stay on the device
// between frames; each frame's map comes back (macro-pixel correction and the temporal orders need
// the per-frame maps on the host).
#include <cstddef>
#include <memory>
#include <vector>

namespace lqs::gpu::cuda {

struct SrrfCudaSettings {
  int device = 0, rows = 0, cols = 0, magnification = 5, border = 0;
  float ringRadius = 2.5f;  // magnified pixels
  bool positive = true, intensityWeighting = true;
  std::vector<float> ringCol, ringRow, taps;  // see SrrfSettings
};

class SrrfSession {
 public:
  explicit SrrfSession(const SrrfCudaSettings& settings);
  ~SrrfSession();
  void frame(const float* in, float* map);  // map: rows*mag x cols*mag

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
