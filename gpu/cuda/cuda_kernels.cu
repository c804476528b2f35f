#include <cuda_runtime.h>

#include <string>

#include "core/errors.hpp"
#include "gpu/cuda/cuda_kernels.hpp"
#include "gpu/kernels/convolution.h"
#include "gpu/kernels/nlm.h"
#include "gpu/kernels/interpolation.h"

namespace lqs::gpu::cuda {

namespace {

void check(cudaError_t status, const char* what) {
  if (status == cudaSuccess) return;
  throw DeviceError(std::string("CUDA ") + what + ": " + cudaGetErrorString(status) +
                    (status == cudaErrorMemoryAllocation ? " (out of device memory)" : ""));
}

template <class T>
class DeviceBuffer {
 public:
  explicit DeviceBuffer(std::size_t count) : count_(count) {
    check(cudaMalloc(&data_, (count ? count : 1) * sizeof(T)), "allocation");
  }
  DeviceBuffer(const T* host, std::size_t count) : DeviceBuffer(count) { upload(host); }
  ~DeviceBuffer() { cudaFree(data_); }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  void upload(const T* host) { check(cudaMemcpy(data_, host, count_ * sizeof(T), cudaMemcpyHostToDevice), "upload"); }
  void download(T* host) const {
    check(cudaMemcpy(host, data_, count_ * sizeof(T), cudaMemcpyDeviceToHost), "download");
  }
  T* get() const { return data_; }

 private:
  T* data_ = nullptr;
  std::size_t count_;
};

dim3 gridFor(int rows, int cols, dim3 block) { return dim3((cols + block.x - 1) / block.x, (rows + block.y - 1) / block.y); }
const dim3 kBlock(32, 8);

void launched(const char* what) {
  check(cudaGetLastError(), what);
  check(cudaDeviceSynchronize(), what);
}

__global__ void shiftMagnifyKernel(const float* in, float* out, int rows, int cols, int outRows, int outCols,
                                   float magRow, float magCol, float shiftRow, float shiftCol, int kind) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x, i = blockIdx.y * blockDim.y + threadIdx.y;
  if (i >= outRows || j >= outCols) return;
  out[i * outCols + j] = lqs_sample(in, (float)i / magRow - shiftRow, (float)j / magCol - shiftCol, rows, cols, kind);
}

__global__ void shiftScaleRotateKernel(const float* in, float* out, int rows, int cols, float a, float b, float c,
                                       float d, float centreRow, float centreCol, float shiftRow, float shiftCol,
                                       int kind) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x, i = blockIdx.y * blockDim.y + threadIdx.y;
  if (i >= rows || j >= cols) return;
  const float x = (float)j - centreCol - shiftCol, y = (float)i - centreRow - shiftRow;
  out[i * cols + j] = lqs_sample(in, c * x + d * y + centreRow, a * x + b * y + centreCol, rows, cols, kind);
}

__global__ void correlateKernel(const float* in, float* out, int rows, int cols, const float* weights, int kRows,
                                int kCols) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= rows || c >= cols) return;
  out[r * cols + c] = lqs_correlate_pixel(in, rows, cols, weights, kRows, kCols, r, c);
}

__global__ void nlmKernel(const float* padded, float* out, int rows, int cols, int paddedCols, int pad, int offset,
                          int distance, float h2s2, float variance2) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= rows || c >= cols) return;
  out[r * cols + c] = lqs_nlm_pixel(padded, paddedCols, r + pad, c + pad, offset, distance, h2s2, variance2);
}

}  // namespace

void shiftMagnify(int device, const float* in, std::size_t frames, int rows, int cols, float* out, int outRows,
                  int outCols, float magRow, float magCol, float shiftRow, float shiftCol, int kind) {
  check(cudaSetDevice(device), "device selection");
  const std::size_t inSize = std::size_t(rows) * cols, outSize = std::size_t(outRows) * outCols;
  DeviceBuffer<float> source(inSize), target(outSize);
  for (std::size_t t = 0; t < frames; ++t) {
    source.upload(in + t * inSize);
    shiftMagnifyKernel<<<gridFor(outRows, outCols, kBlock), kBlock>>>(source.get(), target.get(), rows, cols, outRows,
                                                                       outCols, magRow, magCol, shiftRow, shiftCol, kind);
    launched("shift-magnify");
    target.download(out + t * outSize);
  }
}

void shiftScaleRotate(int device, const float* in, std::size_t frames, int rows, int cols, float* out,
                      const float* m, int kind) {
  check(cudaSetDevice(device), "device selection");
  const std::size_t size = std::size_t(rows) * cols;
  DeviceBuffer<float> source(size), target(size);
  for (std::size_t t = 0; t < frames; ++t) {
    source.upload(in + t * size);
    shiftScaleRotateKernel<<<gridFor(rows, cols, kBlock), kBlock>>>(source.get(), target.get(), rows, cols, m[0], m[1],
                                                                     m[2], m[3], m[4], m[5], m[6], m[7], kind);
    launched("shift-scale-rotate");
    target.download(out + t * size);
  }
}

void correlate(int device, const float* in, std::size_t frames, int rows, int cols, const float* weights, int kRows,
               int kCols, float* out) {
  check(cudaSetDevice(device), "device selection");
  const std::size_t size = std::size_t(rows) * cols;
  DeviceBuffer<float> source(size), target(size), kernel(weights, std::size_t(kRows) * kCols);
  for (std::size_t t = 0; t < frames; ++t) {
    source.upload(in + t * size);
    correlateKernel<<<gridFor(rows, cols, kBlock), kBlock>>>(source.get(), target.get(), rows, cols, kernel.get(), kRows,
                                                              kCols);
    launched("conv2d");
    target.download(out + t * size);
  }
}

void nlmPixelwise(int device, const float* padded, int rows, int cols, int pad, int offset, int distance, float h2s2,
                  float variance2, float* out) {
  check(cudaSetDevice(device), "device selection");
  const int paddedCols = cols + 2 * pad;
  DeviceBuffer<float> source(padded, std::size_t(rows + 2 * pad) * paddedCols), target(std::size_t(rows) * cols);
  nlmKernel<<<gridFor(rows, cols, kBlock), kBlock>>>(source.get(), target.get(), rows, cols, paddedCols, pad, offset,
                                                      distance, h2s2, variance2);
  launched("nlm");
  target.download(out);
}

}  // namespace lqs::gpu::cuda
