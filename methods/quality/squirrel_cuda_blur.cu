#include "gpu/kernels/gaussian_blur.h"
#include "methods/quality/squirrel_cuda_blur.hpp"
#include "gpu/cuda/cuda_support.cuh"

namespace lqs::gpu::cuda {

namespace {

__global__ void blurPassKernel(const float* in, float* out, const float* taps, int radius, int alongRows, int rows,
                               int cols) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= rows || c >= cols) return;
  out[std::size_t(r) * cols + c] = lqs_blur_pass_pixel(in, rows, cols, taps, radius, alongRows, r, c);
}

}  // namespace

struct BlurSession::State {
  State(int device, const float* frame, int rows, int cols)
      : device(device), rows(rows), cols(cols), size(std::size_t(rows) * cols), frame(size), along(size), blurred(size) {
    check(cudaMemcpy(this->frame.get(), frame, size * sizeof(float), cudaMemcpyHostToDevice), "upload");
  }
  int device, rows, cols;
  std::size_t size;
  DeviceArray<float> frame, along, blurred;
};

BlurSession::BlurSession(int device, const float* frame, int rows, int cols) {
  check(cudaSetDevice(device), "device selection");
  state_ = std::make_unique<State>(device, frame, rows, cols);
}

BlurSession::~BlurSession() = default;

void BlurSession::blur(const std::vector<float>& taps, float* out) {
  State& s = *state_;
  check(cudaSetDevice(s.device), "device selection");
  const DeviceArray<float> weights(taps);
  const int radius = int(taps.size() / 2);
  const dim3 block(32, 8), grid((unsigned(s.cols) + 31) / 32, (unsigned(s.rows) + 7) / 8);
  blurPassKernel<<<grid, block>>>(s.frame.get(), s.along.get(), weights.get(), radius, 0, s.rows, s.cols);
  blurPassKernel<<<grid, block>>>(s.along.get(), s.blurred.get(), weights.get(), radius, 1, s.rows, s.cols);
  check(cudaGetLastError(), "blur kernel");
  check(cudaMemcpy(out, s.blurred.get(), s.size * sizeof(float), cudaMemcpyDeviceToHost), "download");
}

}  // namespace lqs::gpu::cuda
