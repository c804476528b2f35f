// Patch-wise NLM on CUDA, one launch a frame. Each thread block owns a 32 x 32 output tile and walks
// every search shift (dr outer, dc inner, as lqs_nlm_pixel does), keeping its pixels' weight sums and
// weighted sums in registers: the frame is read, never written, until the one final store.
// Per shift, box sums slide: the column sums of the tile (and its patch halo) slide down runs of
// `segment` rows (one new and one old term a row, the first sum in lqs_nlm_shift_column's order), go
// through shared memory, and each thread slides the row sums along its kRun output columns (the first
// in lqs_nlm_shift_accumulate's order); the weight is lqs_nlm_scaled_weight's with the hardware
// exponential. Short runs keep the sliding sums within ~1e-6 of the direct ones. The frame window a tile reads over all shifts is
// copied into shared memory once when it fits; otherwise every read goes through L1.
#include <string>

#include "gpu/kernels/nlm.h"
#include "methods/denoise/nlm_cuda_session.hpp"
#include "gpu/cuda/cuda_support.cuh"

namespace lqs::gpu::cuda {

namespace {

constexpr int kTileCols = 32, kTileRows = 32;
constexpr int kRun = 4;        // consecutive output columns a thread owns: 256 blocks of 8 warps for 500 x 500
constexpr int kThreads = kTileRows * kTileCols / kRun;
constexpr int kMaxOffset = 25;  // patch_size is at most 51 (nlmSpec)

// Column sums of a tile for patch offset O: at columns c0 - O + 1 .. c0 + kTileCols - 1 + O.
template <int O>
struct Tile {
  static constexpr int columns = O > 0 ? kTileCols + 2 * O - 1 : 1;  // odd: a warp's rows hit 32 banks
  // Rows a column sum slides down before it is formed afresh: 8 where the block has threads for all
  // the runs (shorter dependency chains, fuller warps), else 16.
  static constexpr int segment = kTileRows / 8 * columns <= kThreads ? 8 : 16;
  static constexpr int segments = kTileRows / segment;
  static_assert(segments * columns <= kThreads, "one column run a thread");
};

struct TileArgs {
  const float* padded;  // (rows + 2 pad) x (cols + 2 pad)
  float* out;           // rows x cols
  int rows, cols, paddedCols, pad, distance;
  float inverseH2s2, variance2;
};

// The window a tile reads over all shifts: rows [r0 + pad - O - d, + kTileRows + 2 O + 2 d) and as
// many columns from c0 + pad - O - d, at an odd pitch so that a warp's 32 rows fall in 32 banks.
__host__ __device__ inline int windowRows(int offset, int d) { return kTileRows + 2 * offset + 2 * d; }
__host__ __device__ inline int windowCols(int offset, int d) { return kTileCols + 2 * offset + 2 * d; }
__host__ __device__ inline int windowPitch(int offset, int d) { return windowCols(offset, d) | 1; }

// 2^x by the hardware's approximation (2 ulp), flushing subnormals: the exponents here are >= -7.3.
__device__ __forceinline__ float exp2Approx(float x) {
  float y;
  asm("ex2.approx.ftz.f32 %0, %1;" : "=f"(y) : "f"(x));
  return y;
}

// lqs_nlm_scaled_weight with the hardware exponential (2 instructions where expf takes ~10; within
// 5e-7 relative for s <= 5, far inside the tests' 2e-5) and a select, not a branch, at the cut-off.
__device__ __forceinline__ float scaledWeight(float s) {
  return s > LQS_NLM_CUTOFF ? 0.0f : exp2Approx(s * -1.44269504f);
}

// Frame rows and columns are padded coordinates throughout; (originRow, originCol) is where `frame`
// starts (the window's corner when staged, else 0, 0). Reads past the frame of a partial tile are
// clamped to its last row/column: only outputs outside the frame use them, and those are not stored.
// The window's copy does that clamping once, so staged reads index it directly.
// kStaged (the tile's frame window is copied into shared memory) is a template argument so that the
// frame reads compile to shared-memory loads, not generic ones.
template <int O, bool kStaged>
__global__ void __launch_bounds__(kThreads) nlmTileKernel(TileArgs a) {
  using T = Tile<O>;
  extern __shared__ float window[];
  __shared__ float columnSums[2 * kTileRows * T::columns];  // two shifts' worth
  const int t = threadIdx.x, d = a.distance;
  const int r0 = blockIdx.y * kTileRows, c0 = blockIdx.x * kTileCols;
  const float* frame = a.padded;
  int pitch = a.paddedCols, originRow = 0, originCol = 0;
  if constexpr (kStaged) {
    originRow = r0 + a.pad - O - d;
    originCol = c0 + a.pad - O - d;
    const int rows = windowRows(O, d), cols = windowCols(O, d), paddedRows = a.rows + 2 * a.pad;
    pitch = windowPitch(O, d);
    for (int i = t; i < rows * cols; i += kThreads) {
      const int row = min(originRow + i / cols, paddedRows - 1), col = min(originCol + i % cols, a.paddedCols - 1);
      window[i / cols * pitch + i % cols] = a.padded[std::size_t(row) * a.paddedCols + col];
    }
    __syncthreads();
    frame = window;
  }
  // Column sums: thread t < segments * columns slides down `segment` rows of column `sumCol`; its
  // term source s feeds the column sums of tile rows first + i for s - 2 O < i <= s.
  const int sumCol = t % T::columns, first = t / T::columns * T::segment;
  const bool summing = O > 0 && t < T::segments * T::columns;
  const auto clamp = [](int index, int last) { return kStaged ? index : min(index, last); };
  const int sourceCol = clamp(c0 + a.pad + 1 - O + sumCol, a.cols + a.pad + O - 1) - originCol;
  const int sourceRow = r0 + first + a.pad + 1 - O, lastSourceRow = a.rows + a.pad + O - 1;
  constexpr int sources = O > 0 ? T::segment + 2 * O - 1 : 1;
  // Pointers, not indices: a shifted read is then one add and a load.
  const float* source[sources];
  float unshifted[sources];  // the same for every shift
#pragma unroll
  for (int s = 0; s < sources; ++s) {
    source[s] = frame + (clamp(sourceRow + s, lastSourceRow) - originRow) * pitch + sourceCol;
    unshifted[s] = summing ? *source[s] : 0.0f;
  }
  // Row sums and outputs: a warp holds the 32 rows of one run of kRun columns.
  const int row = t % kTileRows, runCol = t / kTileRows * kRun;
  const float* value[kRun];
#pragma unroll
  for (int i = 0; i < kRun; ++i)
    value[i] = frame + (clamp(r0 + row, a.rows - 1) + a.pad - originRow) * pitch + clamp(c0 + runCol + i, a.cols - 1) +
               a.pad - originCol;

  float weight[kRun] = {}, sum[kRun] = {};
  int buffer = 0;
  for (int dr = -d; dr <= d; ++dr)
    for (int dc = -d; dc <= d; ++dc) {
      const int shift = dr * pitch + dc;
      float* shared = columnSums + buffer * kTileRows * T::columns;
      if constexpr (O > 0) {
        if (summing) {
          float ring[2 * O];  // the terms of the current column sum, source s in ring[s % 2 O]
          float column = 0.0f;
          float* target = shared + first * T::columns + sumCol;
#pragma unroll
          for (int s = 0; s < sources; ++s) {
            const float term = lqs_nlm_term(unshifted[s], source[s][shift], a.variance2);
            if (s < 2 * O)
              column = s == 0 ? term : column + term;
            else
              column = column + term - ring[s % (2 * O)];
            ring[s % (2 * O)] = term;
            if (s >= 2 * O - 1) target[(s - 2 * O + 1) * T::columns] = column;
          }
        }
        // Two buffers, one __syncthreads a shift: a thread writes buffer b again only after the next
        // shift's barrier, which every thread passes only once done reading b.
        __syncthreads();
        buffer ^= 1;
      }
      const float* sums = shared + row * T::columns + runCol;
      float distance = 0.0f;
#pragma unroll
      for (int i = 0; i < kRun; ++i) {
        if constexpr (O > 0) {
          if (i == 0) {
            distance = sums[0];
#pragma unroll
            for (int k = 1; k < 2 * O; ++k) distance += sums[k];
          } else {
            distance = distance + sums[i + 2 * O - 1] - sums[i - 1];
          }
        }
        // A product where lqs_nlm_weight divides (as the CPU patch-wise code does): the division's
        // slow path would put a branch in every weight.
        const float w = scaledWeight(fmaxf(distance, 0.0f) * a.inverseH2s2);
        weight[i] += w;  // + 0 past the cut-off: the same sums as skipping the shift
        sum[i] += w * value[i][shift];
      }
    }
  if (r0 + row >= a.rows) return;
#pragma unroll
  for (int i = 0; i < kRun; ++i)
    if (c0 + runCol + i < a.cols) a.out[std::size_t(r0 + row) * a.cols + c0 + runCol + i] = sum[i] / weight[i];
}

// Launches the kernel compiled for `offset` (templates O = 0 .. kMaxOffset, tried in turn).
template <int O>
void launchTiles(TileArgs a, int offset, cudaStream_t stream) {
  if constexpr (O < kMaxOffset) {
    if (offset > O) return launchTiles<O + 1>(a, offset, stream);
  }
  if (offset != O)
    throw DeviceError("CUDA nlm: patch offset " + std::to_string(offset) + " is above the compiled maximum " +
                      std::to_string(kMaxOffset));
  const int d = a.distance;
  const std::size_t windowBytes = std::size_t(windowRows(O, d)) * windowPitch(O, d) * sizeof(float);
  cudaFuncAttributes kernel;  // its dynamic shared memory limit: 48 KiB less the static, without opting in
  check(cudaFuncGetAttributes(&kernel, nlmTileKernel<O, true>), "kernel attributes");
  const dim3 grid((a.cols + kTileCols - 1) / kTileCols, (a.rows + kTileRows - 1) / kTileRows);
  if (windowBytes <= std::size_t(kernel.maxDynamicSharedSizeBytes))
    nlmTileKernel<O, true><<<grid, kThreads, windowBytes, stream>>>(a);
  else
    nlmTileKernel<O, false><<<grid, kThreads, 0, stream>>>(a);
}

}  // namespace

struct NlmPatchwiseSession::State {
  NlmCudaSettings s;
  int paddedCols, pixels;
  Stream stream;
  DeviceArray<float> padded, out;
  explicit State(const NlmCudaSettings& settings)
      : s(settings),
        paddedCols(settings.cols + 2 * settings.pad),
        pixels(settings.rows * settings.cols),
        padded(std::size_t(settings.rows + 2 * settings.pad) * paddedCols),
        out(pixels) {}
};

NlmPatchwiseSession::NlmPatchwiseSession(const NlmCudaSettings& settings) {
  check(cudaSetDevice(settings.device), "device selection");
  state_ = std::make_unique<State>(settings);
}

NlmPatchwiseSession::~NlmPatchwiseSession() = default;

void NlmPatchwiseSession::frame(const float* padded, float* out) {
  State& st = *state_;
  const NlmCudaSettings& s = st.s;
  const cudaStream_t stream = st.stream.stream;
  const std::size_t paddedFloats = std::size_t(s.rows + 2 * s.pad) * st.paddedCols;
  check(cudaMemcpyAsync(st.padded.get(), padded, paddedFloats * sizeof(float), cudaMemcpyHostToDevice, stream), "upload");
  const TileArgs args{st.padded.get(), st.out.get(), s.rows, s.cols, st.paddedCols, s.pad, s.distance,
                      1.0f / s.h2s2, s.variance2};
  KernelTimer("nlm patch-wise").run([&] { launchTiles<0>(args, s.offset, stream); }, stream);
  check(cudaMemcpyAsync(out, st.out.get(), std::size_t(st.pixels) * sizeof(float), cudaMemcpyDeviceToHost, stream),
        "download");
  check(cudaStreamSynchronize(stream), "nlm");
}

}  // namespace lqs::gpu::cuda
