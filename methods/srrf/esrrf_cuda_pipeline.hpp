#pragma once
// eSRRF on a CUDA device, callable from plain C++ (no CUDA headers): frames go up in blocks through
// two pinned staging buffers on two streams (the next block's copy overlaps this block's kernels);
// gradients, lattice, convergence and the temporal sums stay on the device, and one reduced image
// per time point comes back. CUDA errors, out-of-memory included, become DeviceError.
#include <cstddef>
#include <functional>
#include <memory>

#include "gpu/cuda/cuda_kernels.hpp"
#include "methods/srrf/rgc_table.hpp"

namespace lqs::gpu::cuda {

struct EsrrfCudaSettings {
  int device = 0, rows = 0, cols = 0;
  float sensitivity = 1;
  bool intensityWeighting = true;
  int temporalMode = 0;  // LQS_TEMPORAL_*
  // Catmull-Rom taps (axisTaps) of the output rows and columns (at r / mag, the intensity weight)
  // and of the gradient lattice's rows and columns (at lqs_lattice_coordinate).
  AxisTable intensityRows{}, intensityCols{}, latticeRows{}, latticeCols{};
};

class EsrrfPipeline {
 public:
  EsrrfPipeline(const EsrrfCudaSettings& settings, const RgcTable& table);
  ~EsrrfPipeline();
  EsrrfPipeline(const EsrrfPipeline&) = delete;
  EsrrfPipeline& operator=(const EsrrfPipeline&) = delete;

  std::size_t blockFrames() const;  // frames per upload block
  // The pinned buffer for the next block of `count` (<= blockFrames) frames, once it is free; the
  // caller fills it (on as many threads as it likes) and hands it over with submit(count).
  float* stage(std::size_t count);
  // Queues the staged frames of the current time point; returns before they finish.
  void submit(std::size_t count);
  // Waits for the time point's frames, reduces them to its map (rows*mag x cols*mag) and hands the
  // map over in pieces in pinned memory, `deliver(piece, offset, count)` (a pageable download ran
  // at a fraction of the bus speed); then starts the next time point.
  using Deliver = std::function<void(const float* piece, std::size_t offset, std::size_t count)>;
  void finish(const Deliver& deliver);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace lqs::gpu::cuda
