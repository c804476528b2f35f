#pragma once
// One super-resolved frame held on a CUDA device and blurred there with the shared passes of
// gpu/kernels/gaussian_blur.h (the SQUIRREL RSF search). CUDA failures throw DeviceError.
#include <memory>
#include <vector>

namespace lqs::gpu::cuda {

class BlurSession {
 public:
  BlurSession(int device, const float* frame, int rows, int cols);
  ~BlurSession();
  BlurSession(const BlurSession&) = delete;
  BlurSession& operator=(const BlurSession&) = delete;
  // The frame blurred with `taps` (2 * radius + 1 normalised weights) into `out` (rows x cols).
  void blur(const std::vector<float>& taps, float* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
