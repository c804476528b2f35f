#pragma once
// gpu/frame_batching.hpp on an OpenCL device: every per-frame OpenCL method runs through it.
#include "gpu/frame_batching.hpp"
#include "gpu/opencl/opencl_runtime.hpp"

namespace lqs::gpu {

using BatchLaunch =
    std::function<void(const Buffer<float>& source, const Buffer<float>& target, std::size_t count)>;

inline std::size_t framesPerBatch(const OpenclDevice& gpu, const FrameTransfer& transfer) {
  return framesPerBatch(transfer, gpu.maxAllocation(), gpu.globalMemory());
}

inline void inFrameBatches(OpenclDevice& gpu, const FrameTransfer& transfer, const BatchLaunch& launch,
                           const AfterBatch& afterBatch) {
  inFrameBatches(gpu, transfer, framesPerBatch(gpu, transfer), launch, afterBatch);
}

}  // namespace lqs::gpu
