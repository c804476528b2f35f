// Patch-wise NLM on CUDA, one launch a frame. Each thread block owns an output tile and walks every
// search shift (dr outer, dc inner, as lqs_nlm_pixel does), keeping its pixels' weight sums and
// weighted sums in registers: the frame is read, never written, until the one final store.
// Per shift a thread forms in registers the weighted column sums of its column for kRows output rows
// (the terms and order of lqs_nlm_shift_column: consecutive output rows share extent - 1 of them),
// the row sums add `extent` neighbouring column sums in lqs_nlm_shift_accumulate's order, and
// lqs_nlm_weight weighs the shift. Both filters (gpu/kernels/nlm.h) run here: a uniform patch has
// weights 1, for which every product below is exact. The frame window a tile reads over all shifts
// is copied into shared memory once when it fits; otherwise every read goes through L1.
#include <string>

#include "gpu/kernels/nlm.h"
#include "methods/denoise/nlm_cuda_session.hpp"
#include "gpu/cuda/cuda_support.cuh"

namespace lqs::gpu::cuda {

namespace {

constexpr int kRows = 4;        // output rows a thread owns; 8 saves 9 % of the work but halves the warps
constexpr int kMaxExtent = LQS_NLM_MAX_EXTENT;

// The tile shape for patch extent E (2 o for a uniform patch, 2 o + 1 for a Gaussian one). A row of
// threads spans `width` columns of column sums (whole warps); the row sums of `cols` output columns
// reach `halo` more of them, whose lanes' row sums go unused. Up to a halo of 16 a tile is one warp
// wide (at least 16 outputs) and 4 thread rows high (16 rows: 608 blocks of 4 warps for 500 x 500,
// 4.6 per SM of an H200); wider halos get tiles at least 3 halos wide, so that two thirds of the
// lanes or more make outputs, and fewer thread rows to keep a block within 384 threads.
template <int E>
struct Tile {
  static constexpr int first = E > 0 ? -((E - 1) / 2) : 0;             // both filters' LqsNlmPatch::first
  static constexpr int low = first, high = E > 0 ? first + E - 1 : 0;  // patch rows around a pixel
  static constexpr int halo = E > 0 ? E - 1 : 0;
  static constexpr int width = halo <= 16 ? 32 : 32 * ((3 * halo + 31) / 32);
  static constexpr int threadRows = width <= 96 ? 4 : width <= 128 ? 3 : 2;
  static constexpr int tileRows = kRows * threadRows, threads = width * threadRows;
  static constexpr int cols = width - halo;
  static constexpr int sources = kRows + E - 1;  // rows of terms behind a thread's column sums
  // One warp holds every column sum its row sums need: they travel by shuffles, not shared memory.
  static constexpr bool inWarp = width == 32;
  // Two shifts' worth; the E past the end take the (unused) reads of lanes past `cols` in the last row.
  static constexpr int sharedColumns = inWarp ? 1 : 2 * tileRows * width + E;
};

struct TileArgs {
  const float* padded;  // (rows + 2 pad) x (cols + 2 pad)
  float* out;           // rows x cols
  int rows, cols, paddedCols, pad;
  LqsNlmPatch patch;
  bool staged;  // the tile's frame window is copied into shared memory
};

// Frame rows and columns are padded coordinates throughout; (originRow, originCol) is where `frame`
// starts (the window's corner when staged, else 0, 0). Reads past the frame of a partial tile are
// clamped to its last row/column: only outputs outside the frame use them, and those are not stored.
// The launch bounds keep the registers of the wide tiles (up to 384 threads) within an SM's 64 K.
template <int E>
__global__ void __launch_bounds__(Tile<E>::threads) nlmTileKernel(TileArgs a) {
  using T = Tile<E>;
  extern __shared__ float window[];
  __shared__ float columnSums[T::sharedColumns];
  const LqsNlmPatch& p = a.patch;  // its weights are constant-bank operands of the products below
  const int x = threadIdx.x, y = threadIdx.y, d = p.distance;
  const int r0 = blockIdx.y * T::tileRows, c0 = blockIdx.x * T::cols;
  const int firstRow = r0 + y * kRows;  // of this thread's outputs
  const int paddedRows = a.rows + 2 * a.pad;
  const float* frame = a.padded;
  int pitch = a.paddedCols, originRow = 0, originCol = 0;
  if (a.staged) {
    // Every shift of the tile reads rows [r0 + pad + low - d, r0 + pad + tileRows + high + d) and
    // columns [c0 + pad + low - d, c0 + pad + low + width + d).
    originRow = r0 + a.pad + T::low - d;
    originCol = c0 + a.pad + T::low - d;
    const int windowRows = T::tileRows + T::high - T::low + 2 * d, windowCols = T::width + 2 * d;
    for (int i = y * T::width + x; i < windowRows * windowCols; i += T::threads) {
      const int row = min(originRow + i / windowCols, paddedRows - 1);
      const int col = min(originCol + i % windowCols, a.paddedCols - 1);
      window[i] = a.padded[std::size_t(row) * a.paddedCols + col];
    }
    __syncthreads();
    frame = window;
    pitch = windowCols;
  }
  // Term source s feeds the column sums of output rows firstRow + i for i <= s < i + E, weighed g[s - i].
  const int sourceCol = min(c0 + a.pad + T::first + x, a.cols - 1 + a.pad + T::high) - originCol;
  int source[T::sources];
  float unshifted[T::sources];
#pragma unroll
  for (int s = 0; s < T::sources; ++s) {
    source[s] =
        (min(firstRow + a.pad + T::first + s, a.rows - 1 + a.pad + T::high) - originRow) * pitch + sourceCol;
    unshifted[s] = frame[source[s]];
  }
  const int col = c0 + x;
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
        const float term = lqs_nlm_term(unshifted[s], shifted[source[s]], p.variance2);
#pragma unroll
        for (int i = 0; i < kRows; ++i)  // 0 + g term is g term (up to the sign of a 0, which no weight sees)
          if (i <= s && s < i + E)
            column[i] = s == i ? p.weights[0] * term : fmaf(p.weights[s - i], term, column[i]);
      }
      float* shared = columnSums + buffer * T::tileRows * T::width;
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
        distance[i] = E > 0 ? p.weights[0] * column[i] : 0.0f;
#pragma unroll
        for (int k = 1; k < E; ++k) {
          if constexpr (T::inWarp)
            distance[i] = fmaf(p.weights[k], __shfl_down_sync(0xffffffffu, column[i], k), distance[i]);
          else  // lanes past `cols` read into the next row, or the last row's E extra floats
            distance[i] = fmaf(p.weights[k], shared[(y * kRows + i) * T::width + x + k], distance[i]);
        }
      }
      const bool colInside = col + dc >= 0 && col + dc < a.cols;  // for a search clipped at the frame
#pragma unroll
      for (int i = 0; i < kRows; ++i) {
        const bool inside = colInside && firstRow + i + dr >= 0 && firstRow + i + dr < a.rows;
        const float w = p.clip && !inside ? 0.0f : lqs_nlm_weight(distance[i], p.scale, p.cutoff);
        weight[i] += w;  // + 0 past the cut-off: the same sums as skipping the shift
        sum[i] += w * shifted[value[i]];
      }
    }
  if (x >= T::cols || col >= a.cols) return;
#pragma unroll
  for (int i = 0; i < kRows; ++i)
    if (firstRow + i < a.rows) a.out[std::size_t(firstRow + i) * a.cols + col] = sum[i] / weight[i];
}

// Launches the kernel compiled for the patch's extent (templates E = 0 .. kMaxExtent, tried in turn).
template <int E>
void launchTiles(TileArgs a, cudaStream_t stream) {
  const int extent = a.patch.extent;
  if constexpr (E < kMaxExtent) {
    if (extent > E) return launchTiles<E + 1>(a, stream);
  }
  using T = Tile<E>;
  if (extent != E || (E > 0 && a.patch.first != T::first))
    throw DeviceError("CUDA nlm: no kernel for a patch of rows " + std::to_string(a.patch.first) + " .. " +
                      std::to_string(a.patch.first + extent - 1));
  const int d = a.patch.distance;
  const std::size_t windowBytes =
      std::size_t(T::tileRows + T::high - T::low + 2 * d) * (T::width + 2 * d) * sizeof(float);
  // Dynamic shared memory past 48 KiB needs the kernel's opt-in, up to the device's limit less the
  // kernel's static shared memory (the column sums).
  int device = 0, optIn = 0;
  check(cudaGetDevice(&device), "device");
  check(cudaDeviceGetAttribute(&optIn, cudaDevAttrMaxSharedMemoryPerBlockOptin, device),
        "shared memory limit");
  cudaFuncAttributes kernel;
  check(cudaFuncGetAttributes(&kernel, nlmTileKernel<E>), "kernel attributes");
  a.staged = windowBytes + kernel.sharedSizeBytes <= std::size_t(optIn);
  if (a.staged && windowBytes > std::size_t(kernel.maxDynamicSharedSizeBytes))
    check(
        cudaFuncSetAttribute(nlmTileKernel<E>, cudaFuncAttributeMaxDynamicSharedMemorySize, int(windowBytes)),
        "shared memory opt-in");
  const dim3 block(T::width, T::threadRows);
  const dim3 grid((a.cols + T::cols - 1) / T::cols, (a.rows + T::tileRows - 1) / T::tileRows);
  nlmTileKernel<E><<<grid, block, a.staged ? windowBytes : 0, stream>>>(a);
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
  const TileArgs args{st.padded.get(), st.out.get(), st.rows, st.cols, st.paddedCols, st.pad, s.patch, false};
  KernelTimer("nlm patch-wise").run([&] { launchTiles<0>(args, stream); }, stream);
  check(cudaMemcpyAsync(out, st.out.get(), std::size_t(st.pixels) * sizeof(float), cudaMemcpyDeviceToHost, stream),
        "download");
  check(cudaStreamSynchronize(stream), "nlm");
}

}  // namespace lqs::gpu::cuda
