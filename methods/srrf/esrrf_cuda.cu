// The CUDA eSRRF pipeline (see esrrf_cuda_pipeline.hpp): kernels are thin wrappers around the shared
// per-pixel functions of gpu/kernels.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "gpu/kernels/esrrf_temporal.h"
#include "gpu/kernels/gradients.h"
#include "gpu/kernels/rgc.h"
#include "gpu/cuda/cuda_support.cuh"
#include "methods/srrf/esrrf_cuda_pipeline.hpp"

namespace lqs::gpu::cuda {

namespace {

struct Geometry {
  int rows, cols, mag, latticeRows, latticeCols, margin;
  __host__ __device__ std::size_t size() const { return std::size_t(rows) * cols; }
  __host__ __device__ std::size_t lattice() const { return std::size_t(latticeRows) * latticeCols; }
  __host__ __device__ std::size_t output() const { return size() * mag * mag; }
};

__global__ void robertsKernel(const float* frames, float* gradCol, float* gradRow, Geometry g) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= g.rows || c >= g.cols) return;
  const std::size_t offset = blockIdx.z * g.size(), i = offset + std::size_t(r) * g.cols + c;
  lqs_roberts_cross(frames + offset, g.cols, r, c, &gradCol[i], &gradRow[i]);
}

__global__ void latticeKernel(const float* gradCol, const float* gradRow, float* nx, float* ny, Geometry g) {
  const int b = blockIdx.x * blockDim.x + threadIdx.x, a = blockIdx.y * blockDim.y + threadIdx.y;
  if (a >= g.latticeRows || b >= g.latticeCols) return;
  const std::size_t source = blockIdx.z * g.size(), i = blockIdx.z * g.lattice() + std::size_t(a) * g.latticeCols + b;
  lqs_lattice_gradient(gradCol + source, gradRow + source, g.rows, g.cols, g.mag, a, b, &nx[i], &ny[i]);
}

// Every output pixel: the convergence of each frame of the block, folded into its temporal state.
// Threads of a block share one position inside the macro-pixel (grid z) and take consecutive
// macro-pixels, so their table reads are uniform (broadcast) and their neighbour counts equal.
__global__ void convergeKernel(const float* frames, const float* nx, const float* ny, int count, int framesBefore,
                               lqs_temporal_state* states, int mode, Geometry g, const float* table, const int* first,
                               const int* entries, const int* latticeOffset, float sensitivity,
                               int intensityWeighting) {
  const int q = blockIdx.x * blockDim.x + threadIdx.x, p = blockIdx.y * blockDim.y + threadIdx.y;
  if (p >= g.rows || q >= g.cols) return;
  const int rM = p * g.mag + int(blockIdx.z) / g.mag, cM = q * g.mag + int(blockIdx.z) % g.mag;
  const std::size_t i = std::size_t(rM) * g.cols * g.mag + cM;
  lqs_temporal_state state = states[i];
  for (int f = 0; f < count; ++f) {
    const float value = lqs_esrrf_pixel(frames + f * g.size(), g.rows, g.cols, nx + f * g.lattice(),
                                        ny + f * g.lattice(), g.mag, table, first, entries, latticeOffset, g.margin,
                                        sensitivity, intensityWeighting, rM, cM);
    lqs_temporal_add(&state, mode, framesBefore + f, value);
  }
  states[i] = state;
}

__global__ void resultKernel(const lqs_temporal_state* states, float* out, std::size_t pixels, int mode, int frames) {
  const std::size_t i = std::size_t(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < pixels) out[i] = lqs_temporal_result(&states[i], mode, frames);
}

dim3 gridFor(int rows, int cols, int frames, dim3 block) {
  return dim3((unsigned(cols) + block.x - 1) / block.x, (unsigned(rows) + block.y - 1) / block.y, unsigned(frames));
}

// Frames per block: enough to amortise launches and the temporal-state traffic (32 bytes per
// output pixel per block), with both slots inside 1 GiB (larger pinned buffers cost more to
// allocate than they save: 2048x2048 ran slower with 3 GiB).
std::size_t framesPerBlock(const Geometry& g) {
  std::size_t free = 0, total = 0;
  check(cudaMemGetInfo(&free, &total), "memory query");
  const std::size_t perFrame = (3 * g.size() + 2 * g.lattice()) * sizeof(float);
  const std::size_t budget = std::min(free / 16, std::size_t(1) << 29);
  return std::clamp<std::size_t>(budget / perFrame, 1, 32);
}

}  // namespace

struct Slot {
  Slot(std::size_t frames, const Geometry& g)
      : staging(frames * g.size()), frames(frames * g.size()), gradCol(frames * g.size()), gradRow(frames * g.size()),
        nx(frames * g.lattice()), ny(frames * g.lattice()) {
    check(cudaEventRecord(done.event, stream.stream), "event");
  }
  PinnedArray staging;
  DeviceArray<float> frames, gradCol, gradRow, nx, ny;
  Stream stream;
  Event done;  // this slot's last convergence finished (staging and buffers free again)
};

struct EsrrfPipeline::State {
  State(const EsrrfCudaSettings& s, const RgcTable& t)
      : settings(s),
        geometry{s.rows, s.cols, t.magnification, 2 * s.rows + 1, 2 * s.cols + 1, t.margin},
        block(framesPerBlock(geometry)),
        table(t.entries),
        first(t.first),
        count(t.count),
        latticeOffset(t.latticeRowOf),
        states(geometry.output()),
        out(geometry.output()),
        slots{{block, geometry}, {block, geometry}} {}
  EsrrfCudaSettings settings;
  Geometry geometry;
  std::size_t block;
  DeviceArray<float> table;
  DeviceArray<int> first, count, latticeOffset;
  DeviceArray<lqs_temporal_state> states;
  DeviceArray<float> out;
  Slot slots[2];
  int next = 0, framesInTimepoint = 0;
};

EsrrfPipeline::EsrrfPipeline(const EsrrfCudaSettings& settings, const RgcTable& table) {
  check(cudaSetDevice(settings.device), "device selection");
  state_ = std::make_unique<State>(settings, table);
}

EsrrfPipeline::~EsrrfPipeline() {
  if (state_) cudaDeviceSynchronize();
}

std::size_t EsrrfPipeline::blockFrames() const { return state_->block; }

void EsrrfPipeline::add(const float* frames, std::size_t n) {
  State& s = *state_;
  const Geometry& g = s.geometry;
  Slot& slot = s.slots[s.next];
  const Slot& previous = s.slots[1 - s.next];
  s.next = 1 - s.next;
  check(cudaSetDevice(s.settings.device), "device selection");
  check(cudaEventSynchronize(slot.done.event), "staging wait");
  std::memcpy(slot.staging.get(), frames, n * g.size() * sizeof(float));
  const cudaStream_t stream = slot.stream.stream;
  check(cudaMemcpyAsync(slot.frames.get(), slot.staging.get(), n * g.size() * sizeof(float), cudaMemcpyHostToDevice,
                        stream),
        "upload");
  const dim3 threads(32, 8);
  robertsKernel<<<gridFor(g.rows, g.cols, int(n), threads), threads, 0, stream>>>(slot.frames.get(), slot.gradCol.get(),
                                                                                    slot.gradRow.get(), g);
  latticeKernel<<<gridFor(g.latticeRows, g.latticeCols, int(n), threads), threads, 0, stream>>>(
      slot.gradCol.get(), slot.gradRow.get(), slot.nx.get(), slot.ny.get(), g);
  check(cudaStreamWaitEvent(stream, previous.done.event, 0), "ordering");  // the temporal states are shared
  convergeKernel<<<gridFor(g.rows, g.cols, g.mag * g.mag, threads), threads, 0, stream>>>(
      slot.frames.get(), slot.nx.get(), slot.ny.get(), int(n), s.framesInTimepoint, s.states.get(),
      s.settings.temporalMode, g, s.table.get(), s.first.get(), s.count.get(), s.latticeOffset.get(),
      s.settings.sensitivity, s.settings.intensityWeighting ? 1 : 0);
  check(cudaGetLastError(), "kernel launch");
  check(cudaEventRecord(slot.done.event, stream), "event");
  s.framesInTimepoint += int(n);
}

void EsrrfPipeline::finish(float* out) {
  State& s = *state_;
  const Slot& last = s.slots[1 - s.next];
  const cudaStream_t stream = last.stream.stream;
  const std::size_t pixels = s.geometry.output();
  resultKernel<<<unsigned((pixels + 255) / 256), 256, 0, stream>>>(s.states.get(), s.out.get(), pixels,
                                                                    s.settings.temporalMode, s.framesInTimepoint);
  check(cudaGetLastError(), "kernel launch");
  check(cudaMemcpyAsync(out, s.out.get(), pixels * sizeof(float), cudaMemcpyDeviceToHost, stream), "download");
  check(cudaStreamSynchronize(stream), "reduction");
  s.framesInTimepoint = 0;
}

}  // namespace lqs::gpu::cuda
