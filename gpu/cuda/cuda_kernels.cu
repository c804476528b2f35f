#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <vector>

#include "gpu/cuda/cuda_kernels.hpp"
#include "gpu/cuda/cuda_support.cuh"
#include "gpu/cuda/device_axis_table.cuh"
#include "gpu/cuda/frame_batches.cuh"
#include "gpu/cuda/separable_kernels.cuh"
#include "gpu/kernels/convolution.h"
#include "gpu/kernels/nlm.h"
#include "gpu/kernels/interpolation.h"

namespace lqs::gpu::cuda {

namespace {

// The axis tables in single precision (DeviceAxisTable<float>): the kernels then issue FP32
// multiply-adds (accurate to ~1e-7 relative, well inside the references' 1e-5) instead of FP64 ones,
// which the FP64 pipe could not keep up with at the memory bandwidth.
separable::AxisView viewOf(const DeviceAxisTable<float>& t) {
  return {t.first.get(), t.weight.get(), t.weightSum.get(), t.inside.get(), int(t.size), t.count, t.stride};
}

// Per tile of kTileCols output columns, the first input column its taps read; `width`: the widest
// span of input columns any tile reads (the tiled kernel's shared row pitch).
struct TileSpans {
  explicit TileSpans(const AxisTable& columns) {
    for (std::size_t j0 = 0; j0 < columns.size; j0 += separable::kTileCols) {
      const std::size_t end = std::min(columns.size, j0 + separable::kTileCols);
      const auto [low, high] = std::minmax_element(columns.first + j0, columns.first + end);
      start.push_back(*low);
      width = std::max(width, *high + columns.count - *low);
    }
  }
  std::vector<int> start;
  int width = 0;
};

// The tiled kernel for `taps` taps per axis (1 .. kTapLimit).
auto tileKernelFor(int taps) {
  using separable::tileKernel;
  constexpr decltype(&tileKernel<1>) kernels[] = {tileKernel<1>, tileKernel<2>, tileKernel<3>, tileKernel<4>,
                                                  tileKernel<5>};
  static_assert(std::size(kernels) == separable::kTapLimit);
  return kernels[taps - 1];
}

// The entry points the OpenCL build uses too (kernel_common.h's LQS_KERNEL).
#include "gpu/kernels/convolution.cl"
#include "gpu/kernels/nlm.cl"
#include "gpu/kernels/resample.cl"

}  // namespace

// Tiled where both axes have the same tap count and every tile's input span fits the shared
// memory, else one thread per pixel.
void resampleSeparable(int device, const float* in, std::size_t frames, int rows, int cols, float* out,
                       const AxisTable& rowTable, const AxisTable& colTable, bool normalised,
                       const AfterBatch& afterBatch) {
  check(cudaSetDevice(device), "device selection");
  if (std::max(rowTable.count, colTable.count) > separable::kTapLimit)
    throw DeviceError("CUDA separable resample: more taps than the kernels hold");
  const DeviceAxisTable<float> r(rowTable), c(colTable);
  const int outRows = int(rowTable.size), outCols = int(colTable.size);
  const TileSpans spans(colTable);
  const bool tiled = r.count == c.count && spans.width <= separable::kMaxSpan;
  const DeviceArray<int> spanStart(spans.start);
  const unsigned tileRows = unsigned(outRows + separable::kTileRows - 1) / separable::kTileRows;
  const std::size_t sharedBytes = std::size_t(separable::kTileRows) * spans.width * sizeof(float);
  inFrameBatches(
      "separable resample", in, std::size_t(rows) * cols, out, rowTable.size * colTable.size, frames,
      [&](const float* source, float* target, std::size_t count) {
        const dim3 tiles(unsigned(spans.start.size()), tileRows, unsigned(count));
        if (tiled)
          tileKernelFor(c.count)<<<tiles, separable::kTileBlock, sharedBytes>>>(
              source, target, rows, cols, viewOf(r), viewOf(c), normalised, spanStart.get(), spans.width);
        else
          separable::pixelKernel<<<gridFor(outRows, outCols, kBlock, count), kBlock>>>(
              source, target, rows, cols, viewOf(r), viewOf(c), normalised);
      },
      afterBatch);
}

void shiftScaleRotate(int device, const float* in, std::size_t frames, int rows, int cols, float* out,
                      const float* m, int kind, const AfterBatch& afterBatch) {
  check(cudaSetDevice(device), "device selection");
  const std::size_t size = std::size_t(rows) * cols;
  inFrameBatches(
      "shift-scale-rotate", in, size, out, size, frames,
      [&](const float* source, float* target, std::size_t count) {
        lqs_shift_scale_rotate_frames<<<gridFor(rows, cols, kBlock, count), kBlock>>>(
            source, target, rows, cols, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], kind);
      },
      afterBatch);
}

void correlate(int device, const float* in, std::size_t frames, int rows, int cols, const float* weights,
               int kRows, int kCols, float* out, const AfterBatch& afterBatch) {
  check(cudaSetDevice(device), "device selection");
  const std::size_t size = std::size_t(rows) * cols;
  const DeviceArray<float> kernel(std::vector<float>(weights, weights + std::size_t(kRows) * kCols));
  inFrameBatches(
      "conv2d", in, size, out, size, frames,
      [&](const float* source, float* target, std::size_t count) {
        lqs_correlate_frames<<<gridFor(rows, cols, kBlock, count), kBlock>>>(source, target, kernel.get(),
                                                                             rows, cols, kRows, kCols);
      },
      afterBatch);
}

void nlmPixelwise(int device, const float* padded, int rows, int cols, int pad, const LqsNlmPatch& patch,
                  float* out) {
  check(cudaSetDevice(device), "device selection");
  const int paddedCols = cols + 2 * pad;
  const DeviceArray<float> source(std::vector<float>(padded, padded + std::size_t(rows + 2 * pad) * paddedCols));
  DeviceArray<float> target(std::size_t(rows) * cols);
  KernelTimer("nlm pixel-wise").run([&] {
    lqs_nlm_pixelwise_frames<<<gridFor(rows, cols, kBlock), kBlock>>>(source.get(), target.get(), rows, cols,
                                                                      pad, patch);
  });
  check(cudaMemcpy(out, target.get(), std::size_t(rows) * cols * sizeof(float), cudaMemcpyDeviceToHost), "download");
}

}  // namespace lqs::gpu::cuda
