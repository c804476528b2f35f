// The CUDA eSRRF pipeline (see esrrf_cuda_pipeline.hpp): kernels are thin wrappers around the shared
// per-pixel functions of gpu/kernels.
#include <cuda_runtime.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include "gpu/cuda/cuda_support.cuh"
#include "gpu/cuda/device_axis_table.cuh"
#include "gpu/cuda/launch_grid.cuh"
#include "gpu/kernels/esrrf_temporal.h"
#include "gpu/kernels/gradients.h"
#include "gpu/kernels/interpolation.h"
#include "gpu/kernels/rgc.h"
#include "methods/srrf/esrrf_cuda_pipeline.hpp"

namespace lqs::gpu::cuda {

namespace {

struct Geometry {
  int rows, cols, mag, latticeRows, latticeCols, margin;
  __host__ __device__ std::size_t size() const { return std::size_t(rows) * cols; }
  __host__ __device__ std::size_t lattice() const { return std::size_t(latticeRows) * latticeCols; }
  __host__ __device__ std::size_t output() const { return size() * mag * mag; }
  // The lattice is stored row by row with each row's even columns first, then its odd ones: the
  // threads of a warp read lattice columns 2q + m (consecutive q, one m), which this layout makes
  // consecutive addresses.
  __host__ __device__ int latticeColumn(int b) const { return (b & 1) ? cols + 1 + (b >> 1) : (b >> 1); }
};

__global__ void robertsKernel(const float* frames, float* gradCol, float* gradRow, Geometry g) {
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y;
  if (r >= g.rows || c >= g.cols) return;
  const std::size_t offset = blockIdx.z * g.size(), i = offset + std::size_t(r) * g.cols + c;
  lqs_roberts_cross(frames + offset, g.cols, r, c, &gradCol[i], &gradRow[i]);
}

constexpr int kFrameGroup = 4;  // frames whose lattices are interleaved, summed together per neighbour read
constexpr int kCatmullRomTaps = 4;
const dim3 kThreads(32, 8);  // every kernel's block; the convergence kernel's shared arrays assume it

// A block's share of the weights (kThreads: 8 table rows, 32 table columns) in shared memory, the
// column weights transposed so the threads of a warp read consecutive doubles: straight from the
// tables, 40 bytes apart, every thread's read was a cache line of its own.
struct StagedWeights {
  double row[8][kCatmullRomTaps], column[kCatmullRomTaps][32];
};

// The taps of both axes as a kernel takes them.
struct TapsView {
  const int *rowFirst, *colFirst;
  const double *rowWeight, *colWeight;
  const char *rowInside, *colInside;
  int stride;
  bool full;  // both axes have all kCatmullRomTaps taps (images of 4 pixels or more), else sample
  TapsView(const DeviceAxisTable<double>& rows, const DeviceAxisTable<double>& cols)
      : rowFirst(rows.first.get()),
        colFirst(cols.first.get()),
        rowWeight(rows.weight.get()),
        colWeight(cols.weight.get()),
        rowInside(rows.inside.get()),
        colInside(cols.inside.get()),
        stride(rows.stride),
        full(rows.count == kCatmullRomTaps && cols.count == kCatmullRomTaps) {}
  // Copies the weights of this thread's table row r and column c (when they exist) into `staged`;
  // the caller synchronises the block before sampling.
  __device__ void stage(int r, bool rowExists, int c, bool colExists, StagedWeights& staged) const {
    if (colExists && threadIdx.y < kCatmullRomTaps)
      staged.column[threadIdx.y][threadIdx.x] = colWeight[std::size_t(c) * stride + threadIdx.y];
    if (rowExists && threadIdx.x < kCatmullRomTaps)
      staged.row[threadIdx.y][threadIdx.x] = rowWeight[std::size_t(r) * stride + threadIdx.x];
  }
  // lqs_sample(image, ...) at the coordinates of this thread's table row and column, given their
  // first taps and whether both lie inside the image.
  __device__ float sample(const float* image, int cols, int first, int firstCol, bool inside,
                          const StagedWeights& staged) const {
    if (!inside) return 0.0f;
    return lqs_sample_taps(image, cols, first, staged.row[threadIdx.y], firstCol, &staged.column[0][threadIdx.x], 32,
                           kCatmullRomTaps);
  }
};

// Unit gradients (nx, ny) of the frames of a block, interleaved by groups of kFrameGroup frames:
// each group is two planes of one float4 per lattice point, (nx, ny) of frames 0 and 1 of the
// group, then of frames 2 and 3. A thread reads a neighbour for all four frames with two 16-byte
// loads, and the threads of a warp read consecutive points, so each load is one contiguous 512
// bytes (16-byte halves of 32-byte records made every load touch twice the cache lines).
__global__ void latticeKernel(const float* gradCol, const float* gradRow, float2* lattice, Geometry g, TapsView taps) {
  __shared__ StagedWeights staged;
  const int b = blockIdx.x * blockDim.x + threadIdx.x, a = blockIdx.y * blockDim.y + threadIdx.y;
  if (taps.full) taps.stage(a, a < g.latticeRows, b, b < g.latticeCols, staged);
  __syncthreads();
  if (a >= g.latticeRows || b >= g.latticeCols) return;
  const int frame = int(blockIdx.z), group = frame / kFrameGroup, lane = frame % kFrameGroup;
  const std::size_t source = std::size_t(frame) * g.size();
  const std::size_t point = std::size_t(a) * g.latticeCols + g.latticeColumn(b);
  float2 n;
  if (taps.full) {
    const int first = taps.rowFirst[a], firstCol = taps.colFirst[b];
    const bool inside = taps.rowInside[a] && taps.colInside[b];
    lqs_unit_gradient(taps.sample(gradCol + source, g.cols, first, firstCol, inside, staged),
                      taps.sample(gradRow + source, g.cols, first, firstCol, inside, staged), &n.x, &n.y);
  } else {
    lqs_lattice_gradient(gradCol + source, gradRow + source, g.rows, g.cols, g.mag, a, b, &n.x, &n.y);
  }
  lattice[((std::size_t(group) * 2 + lane / 2) * g.lattice() + point) * 2 + lane % 2] = n;
}

// A neighbour of the block's sub-position, staged in shared memory: its table entry and, for
// pixels whose neighbours all lie inside, its lattice point relative to the pixel's own.
struct Neighbour {
  float4 geometry;  // dx, dy, w, w/d
  int da, db, delta;
};

// One neighbour's terms for the kFrameGroup frames of a group (`group`: its two lattice planes,
// `plane` points apart).
__device__ __forceinline__ void addNeighbour(const float4* __restrict__ group, std::size_t plane, int point,
                                             const float4& e, float* rgc) {
  const float4 first = group[point], second = group[plane + point];
  rgc[0] += lqs_rgc_term(first.x, first.y, e.x, e.y, e.z, e.w);
  rgc[1] += lqs_rgc_term(first.z, first.w, e.x, e.y, e.z, e.w);
  rgc[2] += lqs_rgc_term(second.x, second.y, e.x, e.y, e.z, e.w);
  rgc[3] += lqs_rgc_term(second.z, second.w, e.x, e.y, e.z, e.w);
}

// Every output pixel: the convergence of each frame of the block, folded into its temporal state
// (lqs_esrrf_pixel's arithmetic through the same rgc.h functions). Threads of a block share one
// position inside the macro-pixel (grid z) and take consecutive macro-pixels, so they read the
// same neighbour at once (a shared-memory broadcast) and neighbouring lattice points (coalesced),
// and each neighbour read serves a group of frames. Pixels whose neighbours all lie inside (most)
// take a loop without bounds tests.
__global__ void __launch_bounds__(256) convergeKernel(const float* frames, const float2* lattice, int count,
                                                      int framesBefore, lqs_temporal_state* states, int mode,
                                                      Geometry g, const float* table, const int* first,
                                                      const int* entries, const int* latticeOffset, float sensitivity,
                                                      int intensityWeighting, TapsView taps) {
  extern __shared__ Neighbour neighbours[];
  __shared__ StagedWeights staged;  // the intensity weight's taps of the block's output rows and columns
  const int sub = int(blockIdx.z), sy = sub / g.mag, sx = sub % g.mag, n = entries[sub];
  const int columnOffset = latticeOffset[sx];
  const int q = blockIdx.x * blockDim.x + threadIdx.x, p = blockIdx.y * blockDim.y + threadIdx.y;
  const int rM = p * g.mag + sy, cM = q * g.mag + sx, rowsM = g.rows * g.mag, colsM = g.cols * g.mag;
  const bool tabled = intensityWeighting && taps.full, valid = p < g.rows && q < g.cols;
  for (int k = threadIdx.y * blockDim.x + threadIdx.x; k < n; k += blockDim.x * blockDim.y) {
    const float* e = table + std::size_t(first[sub] + k) * LQS_RGC_FIELDS;
    const int da = int(e[0]), db = int(e[1]), m = columnOffset + db;
    neighbours[k] = {make_float4(e[2], e[3], e[4], e[5]), da, db,
                     da * g.latticeCols + ((m & 1) ? g.cols + 1 : 0) + (m >> 1)};
  }
  if (tabled) taps.stage(rM, p < g.rows, cM, q < g.cols, staged);
  __syncthreads();
  if (!valid) return;
  const int ay = 2 * p + latticeOffset[sy], ax = 2 * q + columnOffset;
  const int maxA = 2 * (rowsM - 1), maxB = 2 * (colsM - 1);
  const bool margin = lqs_esrrf_in_margin(rM, cM, rowsM, colsM, g.margin);
  const bool inside = lqs_rgc_inside(ay, ax, latticeOffset[g.mag], maxA, maxB, g.rows, g.cols);
  const int own = ay * g.latticeCols + q;
  const std::size_t i = std::size_t(rM) * colsM + cM;
  const int rowFirst = tabled ? taps.rowFirst[rM] : 0, colFirst = tabled ? taps.colFirst[cM] : 0;
  const bool sampled = tabled && taps.rowInside[rM] && taps.colInside[cM];
  lqs_temporal_state state = states[i];
  for (int f0 = 0; f0 < count; f0 += kFrameGroup) {
    const float4* group = reinterpret_cast<const float4*>(lattice + std::size_t(f0) * g.lattice());
    float rgc[kFrameGroup] = {}, weights = 0.0f;
    if (!margin && inside) {
      for (int k = 0; k < n; ++k) {
        const float4 e = neighbours[k].geometry;
        weights += e.z;
        addNeighbour(group, g.lattice(), own + neighbours[k].delta, e, rgc);
      }
    } else if (!margin) {
      for (int k = 0; k < n; ++k) {
        const int a = ay + neighbours[k].da, b = ax + neighbours[k].db;
        if (lqs_rgc_outside(a, b, maxA, maxB)) continue;
        const float4 e = neighbours[k].geometry;
        weights += e.z;
        const int point = min(a, g.latticeRows - 1) * g.latticeCols + g.latticeColumn(min(b, g.latticeCols - 1));
        addNeighbour(group, g.lattice(), point, e, rgc);
      }
    }
    // not unrolled: four copies of the intensity sum cost more registers (occupancy) than rgc's
    // trip through the stack costs
#pragma unroll 1
    for (int f = 0; f < min(kFrameGroup, count - f0); ++f) {
      float value = 0.0f;
      if (!margin) {
        value = lqs_rgc_finish(rgc[f], weights, sensitivity);
        const float* frame = frames + (f0 + f) * g.size();
        if (tabled)
          value *= taps.sample(frame, g.cols, rowFirst, colFirst, sampled, staged);
        else if (intensityWeighting)
          value *= lqs_esrrf_intensity(frame, g.rows, g.cols, g.mag, rM, cM);
      }
      lqs_temporal_add(&state, mode, framesBefore + f0 + f, value);
    }
  }
  states[i] = state;
}

__global__ void resultKernel(const lqs_temporal_state* states, float* out, std::size_t pixels, int mode, int frames) {
  const std::size_t i = std::size_t(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < pixels) out[i] = lqs_temporal_result(&states[i], mode, frames);
}

// Frames per block: enough to amortise launches and the temporal-state traffic (32 bytes per
// output pixel per block; 2048x2048 at x5 is 3.4 GB a block), within an eighth of the free device
// memory for both slots and 128 MiB of pinned staging per slot (pinning is slow: with 2 x 256 MiB
// the setup took a fifth of a second of a 100-frame 2048x2048 call).
std::size_t framesPerBlock(const Geometry& g) {
  std::size_t free = 0, total = 0;
  check(cudaMemGetInfo(&free, &total), "memory query");
  const std::size_t deviceBytes = 4 * g.size() * sizeof(float) + g.lattice() * sizeof(float2);
  const std::size_t byDevice = free / 16 / deviceBytes, byStaging = (std::size_t(1) << 27) / (g.size() * sizeof(float));
  return std::clamp<std::size_t>(std::min(byDevice, byStaging), 1, 32);
}

// Shared memory for the largest sub-position's neighbours, allowed beyond the default 48 KiB where
// the device has it (radius 10 needs ~36 KiB; nothing in range needs more than a device offers).
int neighbourBytes(const RgcTable& t, int device) {
  const int bytes = int(*std::max_element(t.count.begin(), t.count.end()) * sizeof(Neighbour));
  int limit = 0;
  check(cudaDeviceGetAttribute(&limit, cudaDevAttrMaxSharedMemoryPerBlockOptin, device), "device query");
  if (bytes > limit) throw DeviceError("eSRRF radius too large for this device's shared memory");
  check(cudaFuncSetAttribute(convergeKernel, cudaFuncAttributeMaxDynamicSharedMemorySize, bytes), "kernel attribute");
  return bytes;
}

}  // namespace

struct Slot {
  Slot(std::size_t frames, const Geometry& g)
      : staging(frames * g.size()), frames(frames * g.size()), gradCol(frames * g.size()), gradRow(frames * g.size()),
        lattice((frames + kFrameGroup - 1) / kFrameGroup * kFrameGroup * g.lattice()) {
    check(cudaEventRecord(done.event, stream.stream), "event");
  }
  PinnedArray staging;
  DeviceArray<float> frames, gradCol, gradRow;
  DeviceArray<float2> lattice;
  Stream stream;
  Event done;  // this slot's last convergence finished (staging and buffers free again)
};

struct EsrrfPipeline::State {
  State(const EsrrfCudaSettings& s, const RgcTable& t)
      : settings(s),
        geometry{s.rows, s.cols, t.magnification, 2 * s.rows + 1, 2 * s.cols + 1, t.margin},
        block(framesPerBlock(geometry)),
        neighbourBytes(lqs::gpu::cuda::neighbourBytes(t, s.device)),
        table(t.entries),
        first(t.first),
        count(t.count),
        latticeOffset(t.latticeRowOf),
        intensityRows(s.intensityRows),
        intensityCols(s.intensityCols),
        latticeRows(s.latticeRows),
        latticeCols(s.latticeCols),
        states(geometry.output()),
        out(geometry.output()),
        slots{{block, geometry}, {block, geometry}} {}
  EsrrfCudaSettings settings;
  Geometry geometry;
  std::size_t block;
  int neighbourBytes;
  DeviceArray<float> table;
  DeviceArray<int> first, count, latticeOffset;
  // Catmull-Rom taps in double, so the kernels form the CPU's sums without evaluating a weight
  DeviceAxisTable<double> intensityRows, intensityCols, latticeRows, latticeCols;
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

float* EsrrfPipeline::stage(std::size_t) {
  State& s = *state_;
  Slot& slot = s.slots[s.next];
  check(cudaSetDevice(s.settings.device), "device selection");
  check(cudaEventSynchronize(slot.done.event), "staging wait");
  return slot.staging.get();
}

void EsrrfPipeline::submit(std::size_t n) {
  State& s = *state_;
  const Geometry& g = s.geometry;
  Slot& slot = s.slots[s.next];
  const Slot& previous = s.slots[1 - s.next];
  s.next = 1 - s.next;
  const cudaStream_t stream = slot.stream.stream;
  check(cudaMemcpyAsync(slot.frames.get(), slot.staging.get(), n * g.size() * sizeof(float), cudaMemcpyHostToDevice,
                        stream),
        "upload");
  const dim3 threads = kThreads;
  robertsKernel<<<gridFor(g.rows, g.cols, threads, n), threads, 0, stream>>>(
      slot.frames.get(), slot.gradCol.get(), slot.gradRow.get(), g);
  latticeKernel<<<gridFor(g.latticeRows, g.latticeCols, threads, n), threads, 0, stream>>>(
      slot.gradCol.get(), slot.gradRow.get(), slot.lattice.get(), g, TapsView(s.latticeRows, s.latticeCols));
  check(cudaStreamWaitEvent(stream, previous.done.event, 0), "ordering");  // the temporal states are shared
  convergeKernel<<<gridFor(g.rows, g.cols, threads, std::size_t(g.mag * g.mag)), threads, s.neighbourBytes,
                   stream>>>(slot.frames.get(), slot.lattice.get(), int(n), s.framesInTimepoint,
                             s.states.get(), s.settings.temporalMode, g, s.table.get(), s.first.get(),
                             s.count.get(), s.latticeOffset.get(), s.settings.sensitivity,
                             s.settings.intensityWeighting ? 1 : 0,
                             TapsView(s.intensityRows, s.intensityCols));
  check(cudaGetLastError(), "kernel launch");
  check(cudaEventRecord(slot.done.event, stream), "event");
  s.framesInTimepoint += int(n);
}

void EsrrfPipeline::finish(const Deliver& deliver) {
  State& s = *state_;
  const Slot& last = s.slots[1 - s.next];
  const std::size_t pixels = s.geometry.output(), piece = s.block * s.geometry.size();
  resultKernel<<<unsigned((pixels + 255) / 256), 256, 0, last.stream.stream>>>(
      s.states.get(), s.out.get(), pixels, s.settings.temporalMode, s.framesInTimepoint);
  check(cudaGetLastError(), "kernel launch");
  Event reduced;
  check(cudaEventRecord(reduced.event, last.stream.stream), "event");
  // pieces of the map through the two staging buffers: piece k + 1 downloads while piece k is delivered
  const auto download = [&](std::size_t k) {
    Slot& slot = s.slots[k % 2];
    const std::size_t offset = k * piece, count = std::min(piece, pixels - offset);
    check(cudaStreamWaitEvent(slot.stream.stream, reduced.event, 0), "ordering");
    check(cudaMemcpyAsync(slot.staging.get(), s.out.get() + offset, count * sizeof(float), cudaMemcpyDeviceToHost,
                          slot.stream.stream),
          "download");
    check(cudaEventRecord(slot.done.event, slot.stream.stream), "event");
  };
  const std::size_t pieces = (pixels + piece - 1) / piece;
  for (std::size_t k = 0; k < std::min<std::size_t>(2, pieces); ++k) download(k);
  for (std::size_t k = 0; k < pieces; ++k) {
    const Slot& slot = s.slots[k % 2];
    check(cudaEventSynchronize(slot.done.event), "download");
    deliver(slot.staging.get(), k * piece, std::min(piece, pixels - k * piece));
    if (k + 2 < pieces) download(k + 2);
  }
  s.framesInTimepoint = 0;
}

}  // namespace lqs::gpu::cuda
