#pragma once
// Large host <-> device copies through two pinned pieces: the device moves one piece while all
// cores copy the other between it and the pageable host array. A pageable cudaMemcpy runs on one
// core through the driver's own staging, page faults of a fresh output included: 0.5 s of a 1 GB
// magnify output on the H200 host, whose kernel took 1 ms.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>

#include "gpu/cuda/cuda_support.cuh"
#include "gpu/host_copy.hpp"

namespace lqs::gpu::cuda {

class StagedCopier {
 public:
  static constexpr std::size_t kPiece = std::size_t(8) << 20;  // floats: 32 MiB
  // Copies of fewer floats go straight through cudaMemcpy: not worth the pinned pieces.
  static constexpr std::size_t kWorthIt = kPiece / 2;

  // Both wait until the copy is complete, so the host array may change right after.
  void toDevice(float* device, const float* host, std::size_t count) {
    const std::size_t pieces = (count + kPiece - 1) / kPiece;
    for (std::size_t i = 0; i < pieces; ++i) {
      const std::size_t b = i % 2, at = i * kPiece, n = std::min(kPiece, count - at);
      if (i >= 2) check(cudaEventSynchronize(moved_[b].event), "upload");  // piece i-2 has left it
      parallelCopy(host + at, n, stage_[b].get());
      check(cudaMemcpyAsync(device + at, stage_[b].get(), n * sizeof(float), cudaMemcpyHostToDevice, 0),
            "upload");
      check(cudaEventRecord(moved_[b].event, 0), "upload");
    }
    check(cudaStreamSynchronize(0), "upload");
  }

  // Waits for the work queued before it on the default stream (the kernels that wrote `device`).
  void toHost(float* host, const float* device, std::size_t count) {
    const std::size_t pieces = (count + kPiece - 1) / kPiece;
    const auto fetch = [&](std::size_t i) {
      const std::size_t at = i * kPiece, n = std::min(kPiece, count - at);
      check(cudaMemcpyAsync(stage_[i % 2].get(), device + at, n * sizeof(float), cudaMemcpyDeviceToHost, 0),
            "download");
      check(cudaEventRecord(moved_[i % 2].event, 0), "download");
    };
    if (pieces > 0) fetch(0);
    for (std::size_t i = 0; i < pieces; ++i) {
      if (i + 1 < pieces) fetch(i + 1);  // its piece's last contents (i - 1) were copied out below
      const std::size_t at = i * kPiece, n = std::min(kPiece, count - at);
      check(cudaEventSynchronize(moved_[i % 2].event), "download");
      parallelCopy(stage_[i % 2].get(), n, host + at);
    }
  }

 private:
  PinnedArray stage_[2]{PinnedArray(kPiece), PinnedArray(kPiece)};
  Event moved_[2];
};

}  // namespace lqs::gpu::cuda
