#pragma once
// Device side of the separable resampling (magnify, shift-magnify) on CUDA: the CPU's sums in the
// CPU's order (column taps outer, row taps inner) from per-axis tap tables built on the host.
// Included by cuda_kernels.cu only (the kernels are defined here).
#include <cuda_runtime.h>

#include <cstddef>

namespace lqs::gpu::cuda::separable {

constexpr int kTapLimit = 5;  // Lanczos, the widest kind: register arrays need a compile-time bound
// Output tile of the tiled kernel: 32 rows x 128 columns, one block of 128 threads: each thread keeps
// one output column's taps in registers and writes its 32 outputs, which amortises the table loads.
constexpr int kTileRows = 32, kTileCols = 128, kBlockRows = 1;
const dim3 kTileBlock(kTileCols, kBlockRows);
// Widest input column span a tile may read: 32 x 320 floats = 40 KB of shared memory, inside the
// default 48 KB per block; enough down to magnification ~0.42, smaller ones use the per-pixel kernel.
constexpr int kMaxSpan = 320;

// One axis table on the device: per output index the first input tap, `stride` weights, their sum
// and whether the index maps inside the input.
struct AxisView {
  const int* first;
  const float* weight;
  const float* sum;
  const char* inside;
  int size, count, stride;
};

// The row taps' weighted sum down one input column starting at `top`, kr < rCount <= kLimit, read
// through the read-only cache. Unrolled to the compile-time kLimit so that `wr` may live in registers.
template <int kLimit>
__device__ __forceinline__ float columnSum(const float* __restrict__ top, int cols, const float* wr, int rCount) {
  float column = 0;
#pragma unroll
  for (int kr = 0; kr < kLimit; ++kr)
    if (kr < rCount) column += __ldg(top + std::size_t(kr) * cols) * wr[kr];
  return column;
}

// One output pixel from its column taps' vertical sums `column(kc)`, kc < cCount <= kLimit,
// normalised where asked. Unrolled to the compile-time kLimit so that `wc` may live in registers.
template <int kLimit, class Column>
__device__ __forceinline__ float separableValue(const Column& column, const float* wc, int cCount, float rSum,
                                                float cSum, int normalised) {
  float sum = 0;
#pragma unroll
  for (int kc = 0; kc < kLimit; ++kc)
    if (kc < cCount) sum += column(kc) * wc[kc];
  const float weights = rSum * cSum;
  return !normalised ? sum : weights != 0 ? sum / weights : 0.0f;
}

// One thread per output pixel of frame blockIdx.z; every tap is read from global memory. Used where
// a tile's input span would not fit kMaxSpan (strong shrinking) or the axes' tap counts differ
// (an image side shorter than the kernel).
__global__ void pixelKernel(const float* __restrict__ in, float* out, int rows, int cols, AxisView r, AxisView c,
                            int normalised) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x, i = blockIdx.y * blockDim.y + threadIdx.y;
  if (i >= r.size || j >= c.size) return;
  in += std::size_t(blockIdx.z) * rows * cols;
  out += std::size_t(blockIdx.z) * r.size * c.size;
  float value = 0.0f;
  if (r.inside[i] && c.inside[j]) {
    const float* wr = r.weight + std::size_t(i) * r.stride;
    const float* corner = in + std::size_t(r.first[i]) * cols + c.first[j];
    value = separableValue<kTapLimit>([&](int kc) { return columnSum<kTapLimit>(corner + kc, cols, wr, r.count); },
                                      c.weight + std::size_t(j) * c.stride, c.count, r.sum[i], c.sum[j], normalised);
  }
  out[std::size_t(i) * c.size + j] = value;
}

// The row taps of one tile, staged in shared memory.
struct TileRows {
  const float* top[kTileRows];  // input row of tap 0, at the tile's first input column
  float weight[kTileRows][kTapLimit];
  float sum[kTileRows];
  char inside[kTileRows];
};

// One kTileRows x kTileCols output tile of frame blockIdx.z, kTaps row and column taps, whose
// outputs read input columns spanStart[blockIdx.x] .. + pitch - 1 at most. Vertical pass: the row
// taps' sums of every input column of that span, for each tile row, into shared memory (each input
// tap is read once per tile row instead of once per output). Horizontal pass: each output combines
// its column taps from there. The same float operations in the same order as pixelKernel, so the
// results are identical; kTaps is a template argument so that the inner loops have no tap tests.
template <int kTaps>  // 10 blocks (40 warps) per SM: at most 48 registers, which it fits without spilling
__global__ void __launch_bounds__(kTileCols * kBlockRows, 10)
    tileKernel(const float* __restrict__ in, float* out, int rows, int cols, AxisView r, AxisView c, int normalised,
               const int* spanStart, int pitch) {
  extern __shared__ float vertical[];  // kTileRows x pitch
  __shared__ TileRows tile;
  const int i0 = blockIdx.y * kTileRows, j0 = blockIdx.x * kTileCols;
  const int tileRows = min(kTileRows, r.size - i0);
  const int thread = threadIdx.y * kTileCols + threadIdx.x;
  in += std::size_t(blockIdx.z) * rows * cols;
  out += std::size_t(blockIdx.z) * r.size * c.size;
  const int span0 = spanStart[blockIdx.x];

  // A row mapping outside the input gets weight sum 0 here and zeros in `vertical`, so that its
  // outputs come out 0 (normalised or not) with no test per output.
  if (thread < tileRows) {
    const int i = i0 + thread;
    tile.top[thread] = in + std::size_t(r.first[i]) * cols + span0;
    tile.inside[thread] = r.inside[i];
    tile.sum[thread] = r.inside[i] ? r.sum[i] : 0.0f;
#pragma unroll
    for (int k = 0; k < kTaps; ++k) tile.weight[thread][k] = r.weight[std::size_t(i) * r.stride + k];
  }
  // This thread's output column: its taps in registers for all the rows it writes.
  const int j = j0 + threadIdx.x;
  const bool hasColumn = j < c.size;
  int offset = 0;  // of its first tap in the span
  float wc[kTaps] = {}, cSum = 0;
  bool cInside = false;
  if (hasColumn) {
    offset = c.first[j] - span0;
#pragma unroll
    for (int k = 0; k < kTaps; ++k) wc[k] = c.weight[std::size_t(j) * c.stride + k];
    cSum = c.sum[j];
    cInside = c.inside[j];
  }
  __syncthreads();

  // Vertical pass, one warp per tile row, lanes along the span. Every tap index stays inside the
  // image: the tables clamp first to [0, size - count].
  const int warp = thread / 32, lane = thread % 32, warps = kTileCols * kBlockRows / 32;
  const int width = min(pitch, cols - span0);
  for (int row = warp; row < tileRows; row += warps) {
    const bool inside = tile.inside[row];
    const float* top = tile.top[row];
    float wr[kTaps];
#pragma unroll
    for (int k = 0; k < kTaps; ++k) wr[k] = tile.weight[row][k];
#pragma unroll 1  // a span is mostly one or two warps wide: unrolling would only add remainder code
    for (int col = lane; col < width; col += 32)
      vertical[row * pitch + col] = inside ? columnSum<kTaps>(top + col, cols, wr, kTaps) : 0.0f;
  }
  __syncthreads();

  // Horizontal pass: consecutive threads write consecutive output columns.
  if (!hasColumn) return;
  const std::size_t step = std::size_t(kBlockRows) * c.size;
  float* target = out + std::size_t(i0 + threadIdx.y) * c.size + j;
  const float* taps = vertical + threadIdx.y * pitch + offset;
  for (int row = threadIdx.y; row < tileRows; row += kBlockRows, target += step, taps += kBlockRows * pitch)
    *target = cInside ? separableValue<kTaps>([&](int kc) { return taps[kc]; }, wc, kTaps, tile.sum[row], cSum,
                                              normalised)
                      : 0.0f;
}

}  // namespace lqs::gpu::cuda::separable
