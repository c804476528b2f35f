#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/frame_batches.hpp"

#include <algorithm>
#include <vector>

namespace lqs::gpu {

std::size_t framesPerBatch(const OpenclDevice& gpu, const FrameTransfer& transfer) {
  const std::size_t largestFrame = std::max({transfer.inFrame, transfer.outFrame, transfer.workPerFrame, std::size_t{1}});
  const std::size_t allFrame = transfer.inFrame + transfer.outFrame + transfer.workPerFrame;
  const std::size_t budget = std::min<std::uint64_t>(gpu.globalMemory() / 8, std::uint64_t{256} << 20);
  const std::size_t byAllocation = gpu.maxAllocation() / (largestFrame * sizeof(float));
  const std::size_t byBudget = budget / (std::max<std::size_t>(allFrame, 1) * sizeof(float));
  const std::size_t most = transfer.batchLimit ? std::min(transfer.batchLimit, transfer.frames) : transfer.frames;
  return std::clamp<std::size_t>(std::min(byAllocation, byBudget), 1, std::max<std::size_t>(most, 1));
}

void inFrameBatches(OpenclDevice& gpu, const FrameTransfer& transfer, const BatchLaunch& launch,
                    const std::function<void(std::size_t done)>& afterBatch) {
  const std::size_t batch = framesPerBatch(gpu, transfer);
  const Buffer<float> source = gpu.allocate<float>(batch * transfer.inFrame);
  const Buffer<float> target = gpu.allocate<float>(batch * transfer.outFrame);
  std::vector<float> staged(transfer.stage ? batch * transfer.inFrame : 0);
  for (std::size_t t = 0; t < transfer.frames; t += batch) {
    const std::size_t count = std::min(batch, transfer.frames - t);
    const float* host = transfer.in + t * transfer.inFrame;
    if (transfer.stage) {
      for (std::size_t k = 0; k < count; ++k) transfer.stage(t + k, staged.data() + k * transfer.inFrame);
      host = staged.data();
    }
    gpu.write(source, host, count * transfer.inFrame);
    launch(source, target, count);
    // waits for the batch: the staging buffer is refilled next, and progress means frames done
    gpu.download(target, transfer.out + t * transfer.outFrame, count * transfer.outFrame);
    afterBatch(t + count);
  }
}

}  // namespace lqs::gpu
#endif
