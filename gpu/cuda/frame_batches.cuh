#pragma once
// gpu/frame_batching.hpp on a CUDA device: the per-pixel launch shape (a 2-D grid of kBlock
// threads over a frame, one grid layer per frame) and the frames moved through the device in
// batches, with the caller's progress and cancel between them.
#include <cuda_runtime.h>

#include <cstddef>
#include <memory>

#include "gpu/cuda/cuda_support.cuh"
#include "gpu/cuda/launch_grid.cuh"
#include "gpu/cuda/staged_copy.cuh"
#include "gpu/frame_batching.hpp"

namespace lqs::gpu::cuda {

inline const dim3 kBlock(32, 8);

// The current device, as gpu/frame_batching.hpp's loop wants it.
struct CudaBatchDevice {
  template <class T>
  DeviceArray<T> allocate(std::size_t count) {
    return DeviceArray<T>(count);
  }
  void write(const DeviceArray<float>& buffer, const float* host, std::size_t count) {
    if (count >= StagedCopier::kWorthIt) return copier().toDevice(buffer.get(), host, count);
    check(cudaMemcpy(buffer.get(), host, count * sizeof(float), cudaMemcpyHostToDevice), "upload");
  }
  void download(const DeviceArray<float>& buffer, float* host, std::size_t count) {
    if (count >= StagedCopier::kWorthIt) return copier().toHost(host, buffer.get(), count);
    check(cudaMemcpy(host, buffer.get(), count * sizeof(float), cudaMemcpyDeviceToHost), "download");
  }

 private:
  StagedCopier& copier() {
    if (!copier_) copier_ = std::make_unique<StagedCopier>();
    return *copier_;
  }
  std::unique_ptr<StagedCopier> copier_;
};

// `launch(source, target, count)` launches the kernels for `count` frames; it is timed with
// LQS_CUDA_TIMING and its errors become DeviceErrors. The grid's z extent bounds a batch too.
template <class Launch>
void inFrameBatches(const char* what, const float* in, std::size_t inFrameSize, float* out,
                    std::size_t outFrameSize, std::size_t frames, const Launch& launch,
                    const AfterBatch& afterBatch) {
  std::size_t freeBytes = 0, totalBytes = 0;
  check(cudaMemGetInfo(&freeBytes, &totalBytes), "memory query");
  FrameTransfer transfer;
  transfer.frames = frames, transfer.inFrame = inFrameSize, transfer.outFrame = outFrameSize,
  transfer.in = in, transfer.out = out, transfer.batchLimit = 65535;
  CudaBatchDevice device;
  KernelTimer timer(what);
  gpu::inFrameBatches(
      device, transfer, framesPerBatch(transfer, freeBytes, freeBytes),
      [&](const DeviceArray<float>& source, const DeviceArray<float>& target, std::size_t count) {
        timer.run([&] { launch(source.get(), target.get(), count); });
      },
      afterBatch);
}

}  // namespace lqs::gpu::cuda
