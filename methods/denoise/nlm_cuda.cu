// Patch-wise NLM on CUDA, one launch a frame. Each thread block owns an output tile and walks every
// search shift (dr outer, dc inner, as lqs_nlm_pixel does), keeping its pixels' weight sums and
// weighted sums in registers: the frame is read, never written, until the one final store.
// Per shift a thread forms in registers the column sums of its column for kRows output rows (the
// terms and order of lqs_nlm_shift_column: consecutive output rows share 2 offset - 1 of them), the
// row sums add 2 offset neighbouring column sums in lqs_nlm_shift_accumulate's order, and
// lqs_nlm_scaled_weight weighs the shift. The frame window a tile reads over all shifts is copied into
// shared memory once when it fits; otherwise every read goes through L1.
#include <string>

#include "gpu/kernels/nlm.h"
#include "methods/denoise/nlm_cuda_session.hpp"
#include "gpu/cuda/cuda_support.cuh"

namespace lqs::gpu::cuda {

namespace {

constexpr int kRows = 4;        // output rows a thread owns; 8 saves 9 % of the work but halves the warps
constexpr int kThreadRows = 4;  // tile height 16: 608 blocks of 4 warps for 500 x 500, 4.6 per SM of an H200
constexpr int kTileRows = kRows * kThreadRows;
constexpr int kMaxOffset = 25;  // patch_size is at most 51 (nlmSpec)

// The tile shape for patch offset O. A row of threads spans `width` columns of column sums (whole
// warps); the row sums of `cols` output columns reach `halo` more of them.
template <int O>
struct Tile {
  static constexpr int halo = O > 0 ? 2 * O - 1 : 0;
  static constexpr int width = 32 * ((halo + 16 + 31) / 32);  // at least 16 output columns
  static constexpr int cols = width - halo;
  static constexpr int sources = kRows + 2 * O - 1;  // rows of terms behind a thread's column sums
  // One warp holds every column sum its row sums need: they travel by shuffles, not shared memory.
  static constexpr bool inWarp = width == 32;
  // Two shifts' worth; the 2 O past the end take the (unused) reads of lanes past `cols` in the last row.
  static constexpr int sharedColumns = inWarp ? 1 : 2 * kTileRows * width + 2 * O;
};

struct TileArgs {
  const float* padded;  // (rows + 2 pad) x (cols + 2 pad)
  float* out;           // rows x cols
  int rows, cols, paddedCols, pad, distance;
  float inverseH2s2, variance2;
  bool staged;  // the tile's frame window is copied into shared memory
};

// Frame rows and columns are padded coordinates throughout; (originRow, originCol) is where `frame`
// starts (the window's corner when staged, else 0, 0). Reads past the frame of a partial tile are
// clamped to its last row/column: only outputs outside the frame use them, and those are not stored.
// The launch bounds keep the registers of the wide tiles (up to 384 threads) within an SM's 64 K.
template <int O>
__global__ void __launch_bounds__(Tile<O>::width * kThreadRows) nlmTileKernel(TileArgs a) {
  using T = Tile<O>;
  extern __shared__ float window[];
  __shared__ float columnSums[T::sharedColumns];
  const int x = threadIdx.x, y = threadIdx.y, d = a.distance;
  const int r0 = blockIdx.y * kTileRows, c0 = blockIdx.x * T::cols;
  const int firstRow = r0 + y * kRows;  // of this thread's outputs
  const int paddedRows = a.rows + 2 * a.pad;
  const float* frame = a.padded;
  int pitch = a.paddedCols, originRow = 0, originCol = 0;
  if (a.staged) {
    // Every shift of the tile reads rows [r0 + pad - O - d, r0 + pad + kTileRows + O + d) and
    // columns [c0 + pad - O - d, c0 + pad - O + width + d] (the far side of the value reads when O = 0).
    originRow = r0 + a.pad - O - d;
    originCol = c0 + a.pad - O - d;
    const int windowRows = kTileRows + 2 * O + 2 * d, windowCols = T::width + 2 * d + 1;
    for (int i = y * T::width + x; i < windowRows * windowCols; i += T::width * kThreadRows) {
      const int row = min(originRow + i / windowCols, paddedRows - 1);
      const int col = min(originCol + i % windowCols, a.paddedCols - 1);
      window[i] = a.padded[std::size_t(row) * a.paddedCols + col];
    }
    __syncthreads();
    frame = window;
    pitch = windowCols;
  }
  // Term source s feeds the column sums of output rows firstRow + i for s - 2 O < i <= s.
  const int sourceCol = min(c0 + a.pad + 1 - O + x, a.cols + a.pad + O - 1) - originCol;
  int source[T::sources];
  float unshifted[T::sources];
#pragma unroll
  for (int s = 0; s < T::sources; ++s) {
    source[s] = (min(firstRow + a.pad + 1 - O + s, a.rows + a.pad + O - 1) - originRow) * pitch + sourceCol;
    unshifted[s] = frame[source[s]];
  }
  const int valueCol = min(c0 + min(x, T::cols - 1), a.cols - 1) + a.pad - originCol;
  int value[kRows];
#pragma unroll
  for (int i = 0; i < kRows; ++i) value[i] = (min(firstRow + i, a.rows - 1) + a.pad - originRow) * pitch + valueCol;

  float weight[kRows] = {}, sum[kRows] = {};
  int buffer = 0;
  for (int dr = -d; dr <= d; ++dr)
    for (int dc = -d; dc <= d; ++dc) {
      const float* shifted = frame + dr * pitch + dc;
      float column[kRows] = {};
#pragma unroll
      for (int s = 0; s < T::sources; ++s) {
        const float term = lqs_nlm_term(unshifted[s], shifted[source[s]], a.variance2);
#pragma unroll
        for (int i = 0; i < kRows; ++i)  // 0 + term is term (up to the sign of a 0, which no weight sees)
          if (i <= s && s < i + 2 * O) column[i] = s == i ? term : column[i] + term;
      }
      float* shared = columnSums + buffer * kTileRows * T::width;
      if constexpr (!T::inWarp) {
        // Two buffers, one __syncthreads a shift: a thread writes buffer b again only after the next
        // shift's barrier, which every thread passes only once done reading b.
#pragma unroll
        for (int i = 0; i < kRows; ++i) shared[(y * kRows + i) * T::width + x] = column[i];
        __syncthreads();
        buffer ^= 1;
      }
      // Branch-free from here (lanes past `cols` compute unused weights) so the rows overlap.
      float distance[kRows];
#pragma unroll
      for (int i = 0; i < kRows; ++i) {
        distance[i] = column[i];
#pragma unroll
        for (int k = 1; k < 2 * O; ++k) {
          if constexpr (T::inWarp)
            distance[i] += __shfl_down_sync(0xffffffffu, column[i], k);
          else  // lanes past `cols` read into the next row, or the last row's 2 O extra floats
            distance[i] += shared[(y * kRows + i) * T::width + x + k];
        }
      }
#pragma unroll
      for (int i = 0; i < kRows; ++i) {
        // A product where lqs_nlm_weight divides (as the CPU patch-wise code does): the division's
        // slow path would put a branch in every weight.
        const float w = lqs_nlm_scaled_weight(fmaxf(distance[i], 0.0f) * a.inverseH2s2);
        weight[i] += w;  // + 0 past the cut-off: the same sums as skipping the shift
        sum[i] += w * shifted[value[i]];
      }
    }
  const int col = c0 + x;
  if (x >= T::cols || col >= a.cols) return;
#pragma unroll
  for (int i = 0; i < kRows; ++i)
    if (firstRow + i < a.rows) a.out[std::size_t(firstRow + i) * a.cols + col] = sum[i] / weight[i];
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
  using T = Tile<O>;
  const int d = a.distance;
  const std::size_t windowBytes = std::size_t(kTileRows + 2 * O + 2 * d) * (T::width + 2 * d + 1) * sizeof(float);
  cudaFuncAttributes kernel;  // its dynamic shared memory limit: 48 KiB less the static, without opting in
  check(cudaFuncGetAttributes(&kernel, nlmTileKernel<O>), "kernel attributes");
  a.staged = windowBytes <= std::size_t(kernel.maxDynamicSharedSizeBytes);
  const dim3 block(T::width, kThreadRows);
  const dim3 grid((a.cols + T::cols - 1) / T::cols, (a.rows + kTileRows - 1) / kTileRows);
  nlmTileKernel<O><<<grid, block, a.staged ? windowBytes : 0, stream>>>(a);
}

}  // namespace

struct NlmPatchwiseSession::State {
  NlmSettings s;
  int rows, cols, pad, paddedCols, pixels;
  Stream stream;
  DeviceArray<float> padded, out;
  State(int rows, int cols, const NlmSettings& settings)
      : s(settings),
        rows(rows),
        cols(cols),
        pad(settings.pad()),
        paddedCols(cols + 2 * pad),
        pixels(rows * cols),
        padded(std::size_t(rows + 2 * pad) * paddedCols),
        out(pixels) {}
};

NlmPatchwiseSession::NlmPatchwiseSession(int device, int rows, int cols, const NlmSettings& settings) {
  check(cudaSetDevice(device), "device selection");
  state_ = std::make_unique<State>(rows, cols, settings);
}

NlmPatchwiseSession::~NlmPatchwiseSession() = default;

void NlmPatchwiseSession::frame(const float* padded, float* out) {
  State& st = *state_;
  const NlmSettings& s = st.s;
  const cudaStream_t stream = st.stream.stream;
  const std::size_t paddedFloats = std::size_t(st.rows + 2 * st.pad) * st.paddedCols;
  check(cudaMemcpyAsync(st.padded.get(), padded, paddedFloats * sizeof(float), cudaMemcpyHostToDevice, stream), "upload");
  const TileArgs args{st.padded.get(), st.out.get(), st.rows, st.cols, st.paddedCols, st.pad, s.distance,
                      1.0f / s.h2s2, s.variance2, false};
  KernelTimer("nlm patch-wise").run([&] { launchTiles<0>(args, s.offset, stream); }, stream);
  check(cudaMemcpyAsync(out, st.out.get(), std::size_t(st.pixels) * sizeof(float), cudaMemcpyDeviceToHost, stream),
        "download");
  check(cudaStreamSynchronize(stream), "nlm");
}

}  // namespace lqs::gpu::cuda
