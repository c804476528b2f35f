#include "gpu/kernels/squirrel.h"
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

__global__ void rowSumsKernel(const float* blurred, const float* reference, float* out, int rows, int cols) {
  const int r = blockIdx.x * blockDim.x + threadIdx.x;
  if (r < rows) lqs_squirrel_row_sums(blurred, reference, cols, r, out);
}

}  // namespace

struct BlurSession::State {
  State(int device, const float* frame, const float* reference, int rows, int cols)
      : device(device), rows(rows), cols(cols), size(std::size_t(rows) * cols), frame(size), reference(size),
        along(size), blurred(size), sums(6 * std::size_t(rows)) {
    check(cudaMemcpy(this->frame.get(), frame, size * sizeof(float), cudaMemcpyHostToDevice), "upload");
    check(cudaMemcpy(this->reference.get(), reference, size * sizeof(float), cudaMemcpyHostToDevice), "upload");
  }
  int device, rows, cols;
  std::size_t size;
  DeviceArray<float> frame, reference, along, blurred, sums;
};

BlurSession::BlurSession(int device, const float* frame, const float* reference, int rows, int cols) {
  check(cudaSetDevice(device), "device selection");
  state_ = std::make_unique<State>(device, frame, reference, rows, cols);
}

BlurSession::~BlurSession() = default;

void BlurSession::blur(const std::vector<float>& taps) {
  State& s = *state_;
  check(cudaSetDevice(s.device), "device selection");
  const DeviceArray<float> weights(taps);
  const int radius = int(taps.size() / 2);
  const dim3 block(32, 8), grid((unsigned(s.cols) + 31) / 32, (unsigned(s.rows) + 7) / 8);
  blurPassKernel<<<grid, block>>>(s.frame.get(), s.along.get(), weights.get(), radius, 0, s.rows, s.cols);
  blurPassKernel<<<grid, block>>>(s.along.get(), s.blurred.get(), weights.get(), radius, 1, s.rows, s.cols);
  check(cudaGetLastError(), "blur kernel");
  check(cudaDeviceSynchronize(), "blur");  // the taps are freed on return
}

void BlurSession::rowSums(float* out) {
  State& s = *state_;
  check(cudaSetDevice(s.device), "device selection");
  rowSumsKernel<<<(unsigned(s.rows) + 127) / 128, 128>>>(s.blurred.get(), s.reference.get(), s.sums.get(), s.rows, s.cols);
  check(cudaGetLastError(), "row sums kernel");
  check(cudaMemcpy(out, s.sums.get(), 6 * std::size_t(s.rows) * sizeof(float), cudaMemcpyDeviceToHost), "download");
}

void BlurSession::image(float* out) {
  State& s = *state_;
  check(cudaSetDevice(s.device), "device selection");
  check(cudaMemcpy(out, s.blurred.get(), s.size * sizeof(float), cudaMemcpyDeviceToHost), "download");
}

}  // namespace lqs::gpu::cuda
