// Patch-wise NLM on CUDA: the shared per-shift functions of gpu/kernels/nlm.h in __global__
// wrappers, all shifts of a frame queued on one stream without host synchronisation.
#include "gpu/kernels/nlm.h"
#include "methods/denoise/nlm_cuda_session.hpp"
#include "gpu/cuda/cuda_support.cuh"

namespace lqs::gpu::cuda {

namespace {

// Column sums of one shift row dr for every dc at once: grid z is dc + distance, each with its own
// plane of `columns`.
__global__ void shiftColumnsKernel(const float* padded, float* columns, int rows, int width, int paddedCols, int pad,
                                   int dr, int distance, int offset, float variance2) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= rows || j >= width) return;
  const int dc = int(blockIdx.z) - distance;
  columns += std::size_t(blockIdx.z) * rows * paddedCols;
  const int col = pad - offset + j;
  columns[r * paddedCols + col] = lqs_nlm_shift_column(padded, paddedCols, pad, r, col, dr, dc, offset, variance2);
}

// Every dc of shift row dr for one pixel, in the CPU's order (dr outer, dc inner).
__global__ void shiftAccumulateKernel(const float* padded, const float* columns, float* sum, float* weight, int rows,
                                      int cols, int paddedCols, int pad, int dr, int distance, int offset, float h2s2) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= rows || c >= cols) return;
  for (int dc = -distance; dc <= distance; ++dc, columns += std::size_t(rows) * paddedCols)
    lqs_nlm_shift_accumulate(padded, columns, paddedCols, pad, r, c, dr, dc, offset, h2s2, sum, weight, r * cols + c);
}

__global__ void normaliseKernel(const float* sum, const float* weight, float* out, int pixels) {
  const int at = blockIdx.x * blockDim.x + threadIdx.x;
  if (at < pixels) out[at] = sum[at] / weight[at];
}

dim3 gridFor(int rows, int cols, dim3 block, unsigned planes = 1) {
  return dim3((unsigned(cols) + block.x - 1) / block.x, (unsigned(rows) + block.y - 1) / block.y, planes);
}

}  // namespace

struct NlmPatchwiseSession::State {
  NlmCudaSettings s;
  int paddedCols, pixels;
  Stream stream;
  DeviceArray<float> padded, columns, sum, weight, out;
  explicit State(const NlmCudaSettings& settings)
      : s(settings),
        paddedCols(settings.cols + 2 * settings.pad),
        pixels(settings.rows * settings.cols),
        padded(std::size_t(settings.rows + 2 * settings.pad) * paddedCols),
        columns(std::size_t(2 * settings.distance + 1) * settings.rows * paddedCols),
        sum(pixels),
        weight(pixels),
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
  const std::size_t paddedFloats = std::size_t(s.rows + 2 * s.pad) * st.paddedCols, bytes = st.pixels * sizeof(float);
  check(cudaMemcpyAsync(st.padded.get(), padded, paddedFloats * sizeof(float), cudaMemcpyHostToDevice, stream), "upload");
  check(cudaMemsetAsync(st.sum.get(), 0, bytes, stream), "clear");
  check(cudaMemsetAsync(st.weight.get(), 0, bytes, stream), "clear");
  const dim3 block(32, 8);
  const int width = s.cols + 2 * s.offset;
  const unsigned shifts = unsigned(2 * s.distance + 1);
  KernelTimer("nlm patch-wise").run(
      [&] {
        // two launches per shift row instead of two per shift: launch latency dominated small frames
        for (int dr = -s.distance; dr <= s.distance; ++dr) {
          shiftColumnsKernel<<<gridFor(s.rows, width, block, shifts), block, 0, stream>>>(
              st.padded.get(), st.columns.get(), s.rows, width, st.paddedCols, s.pad, dr, s.distance, s.offset,
              s.variance2);
          shiftAccumulateKernel<<<gridFor(s.rows, s.cols, block), block, 0, stream>>>(
              st.padded.get(), st.columns.get(), st.sum.get(), st.weight.get(), s.rows, s.cols, st.paddedCols, s.pad,
              dr, s.distance, s.offset, s.h2s2);
        }
        normaliseKernel<<<(st.pixels + 255) / 256, 256, 0, stream>>>(st.sum.get(), st.weight.get(), st.out.get(),
                                                                     st.pixels);
      },
      stream);
  check(cudaMemcpyAsync(out, st.out.get(), bytes, cudaMemcpyDeviceToHost, stream), "download");
  check(cudaStreamSynchronize(stream), "nlm");
}

}  // namespace lqs::gpu::cuda
