#pragma once
// The CUDA back end, callable from plain C++: each function copies host frames to the device, runs
// the shared per-pixel functions (gpu/kernels) there, and copies the result back, in batches with
// `afterBatch(frames done)` between them (progress; it throws to cancel). Every CUDA error,
// out-of-memory included, becomes a DeviceError.
#include <cstddef>

#include "gpu/frame_batching.hpp"
#include "gpu/kernels/nlm.h"

namespace lqs::gpu::cuda {

// One axis of a separable resampling (methods/interpolation/separable_resample.hpp): per output
// index the first input tap, `stride` weights, their sum, and whether it maps inside the input.
struct AxisTable {
  const int* first;
  const double* weight;
  const double* weightSum;
  const char* inside;
  std::size_t size;  // output indices
  int count, stride;  // taps used, weights stored per index
};
// out (frames x rowTable.size x colTable.size): the separable sums of the tables over each frame.
void resampleSeparable(int device, const float* in, std::size_t frames, int rows, int cols, float* out,
                       const AxisTable& rowTable, const AxisTable& colTable, bool normalised,
                       const AfterBatch& afterBatch);
// coefficients: a, b, c, d, centreRow, centreCol, shiftRow, shiftCol (see resample.cl).
void shiftScaleRotate(int device, const float* in, std::size_t frames, int rows, int cols, float* out,
                      const float* coefficients, int kind, const AfterBatch& afterBatch);
void correlate(int device, const float* in, std::size_t frames, int rows, int cols, const float* weights,
               int kRows, int kCols, float* out, const AfterBatch& afterBatch);
// One reflect-padded frame (padding `pad`) -> rows x cols.
void nlmPixelwise(int device, const float* padded, int rows, int cols, int pad, const LqsNlmPatch& patch,
                  float* out);

}  // namespace lqs::gpu::cuda
