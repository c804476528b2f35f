#pragma once
// The CUDA back end, callable from plain C++: each function copies host frames to the device, runs
// the shared per-pixel functions (gpu/kernels) there, and copies the result back. Every CUDA error,
// out-of-memory included, becomes a DeviceError.
#include <cstddef>

namespace lqs::gpu::cuda {

// out (frames x outRows x outCols) samples in at (i / magRow - shiftRow, j / magCol - shiftCol).
void shiftMagnify(int device, const float* in, std::size_t frames, int rows, int cols, float* out, int outRows,
                  int outCols, float magRow, float magCol, float shiftRow, float shiftCol, int kind);
// coefficients: a, b, c, d, centreRow, centreCol, shiftRow, shiftCol (see resample.cl).
void shiftScaleRotate(int device, const float* in, std::size_t frames, int rows, int cols, float* out,
                      const float* coefficients, int kind);
void correlate(int device, const float* in, std::size_t frames, int rows, int cols, const float* weights, int kRows,
               int kCols, float* out);
// One reflect-padded frame (padding `pad`) -> rows x cols.
void nlmPixelwise(int device, const float* padded, int rows, int cols, int pad, int offset, int distance, float h2s2,
                  float variance2, float* out);

}  // namespace lqs::gpu::cuda
