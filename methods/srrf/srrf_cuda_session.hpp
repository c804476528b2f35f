#pragma once
// SRRF radiality on a CUDA device, callable from plain C++: the ring and buffers stay on the device
// between frames; each frame's map comes back (macro-pixel correction and the temporal orders need
// the per-frame maps on the host).
#include <memory>

#include "methods/srrf/srrf_settings.hpp"

namespace lqs::gpu::cuda {

class SrrfSession {
 public:
  SrrfSession(int device, int rows, int cols, const SrrfSettings& settings);
  ~SrrfSession();
  void frame(const float* in, float* map);  // map: rows*mag x cols*mag

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
