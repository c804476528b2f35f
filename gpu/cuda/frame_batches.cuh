#pragma once
// The plain per-pixel launch shape shared by the CUDA kernels: a 2-D grid of kBlock threads over a
// frame, one grid layer per frame, and the frames moved through the device in batches.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstddef>

#include "gpu/cuda/cuda_support.cuh"
#include "gpu/cuda/launch_grid.cuh"

namespace lqs::gpu::cuda {

inline const dim3 kBlock(32, 8);

// Frames in batches that fit in half the free device memory (and a grid's z extent): one upload,
// one launch `launch(source, target, count)` and one download per batch.
template <class Launch>
void inFrameBatches(const char* what, const float* in, std::size_t inFrameSize, float* out,
                    std::size_t outFrameSize, std::size_t frames, const Launch& launch) {
  std::size_t freeBytes = 0, totalBytes = 0;
  check(cudaMemGetInfo(&freeBytes, &totalBytes), "memory query");
  const std::size_t frameBytes = (inFrameSize + outFrameSize) * sizeof(float);
  const std::size_t batch =
      std::clamp<std::size_t>(freeBytes / 2 / frameBytes, 1, std::min<std::size_t>(frames, 65535));
  DeviceArray<float> source(batch * inFrameSize), target(batch * outFrameSize);
  KernelTimer timer(what);
  for (std::size_t t = 0; t < frames; t += batch) {
    const std::size_t count = std::min(batch, frames - t);
    check(cudaMemcpy(source.get(), in + t * inFrameSize, count * inFrameSize * sizeof(float),
                     cudaMemcpyHostToDevice),
          "upload");
    timer.run([&] { launch(source.get(), target.get(), count); });
    check(cudaMemcpy(out + t * outFrameSize, target.get(), count * outFrameSize * sizeof(float),
                     cudaMemcpyDeviceToHost),
          "download");
  }
}

}  // namespace lqs::gpu::cuda
