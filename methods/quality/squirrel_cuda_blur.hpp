#pragma once
// One centred super-resolved frame and the centred reference held on a CUDA device: the frame blurred
// there with the shared passes of gpu/kernels/gaussian_blur.h, the fit's row sums from
// gpu/kernels/squirrel.h (the SQUIRREL RSF search). CUDA failures throw DeviceError.
#include <memory>
#include <vector>

namespace lqs::gpu::cuda {

class BlurSession {
 public:
  BlurSession(int device, const float* frame, const float* reference, int rows, int cols);
  ~BlurSession();
  BlurSession(const BlurSession&) = delete;
  BlurSession& operator=(const BlurSession&) = delete;
  // Blurs the frame with `taps` (2 * radius + 1 normalised weights), kept on the device.
  void blur(const std::vector<float>& taps);
  // The blurred frame's row sums (6 floats per row, lqs_squirrel_row_sums) into `out`.
  void rowSums(float* out);
  // The blurred frame (rows x cols) into `out`.
  void image(float* out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
