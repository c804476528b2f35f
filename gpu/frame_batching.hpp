#pragma once
// The frame-batching loop of both GPU back ends, written once: frames move through the device in
// batches that fit its memory (one upload, the method's launches over the whole batch with a grid
// layer per frame, one download), with a call between batches for progress and cancel. The
// OpenCL side runs it on an OpenclDevice (gpu/opencl/frame_batches.hpp), the CUDA side on a
// CudaBatchDevice (gpu/cuda/frame_batches.cuh). Plain C++17: nvcc compiles it too.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace lqs::gpu {

struct FrameTransfer {
  std::size_t frames = 0;
  std::size_t inFrame = 0, outFrame = 0;  // floats per input and per output frame on the device
  // Input frame t: `in + t * inFrame`, or written by `stage(t, destination)` (e.g. padded on the host).
  const float* in = nullptr;
  std::function<void(std::size_t t, float* destination)> stage;
  float* out = nullptr;
  std::size_t workPerFrame = 0;  // floats of the method's own device buffers per frame of a batch
  std::size_t batchLimit = 0;    // at most this many frames a batch (0: as many as fit)
};

// Called with the number of frames finished after each batch; throws to stop (cancel).
using AfterBatch = std::function<void(std::size_t done)>;

// Frames per batch: every buffer within one allocation (`maxAllocation` bytes), all of them within
// an eighth of `memory` (the device's, or its free memory) and 256 MiB, so that progress and cancel
// come often; at least one, at most `batchLimit`.
inline std::size_t framesPerBatch(const FrameTransfer& transfer, std::uint64_t maxAllocation,
                                  std::uint64_t memory) {
  const std::size_t largestFrame =
      std::max({transfer.inFrame, transfer.outFrame, transfer.workPerFrame, std::size_t{1}});
  const std::size_t allFrame =
      std::max<std::size_t>(transfer.inFrame + transfer.outFrame + transfer.workPerFrame, 1);
  const std::uint64_t budget = std::min<std::uint64_t>(memory / 8, std::uint64_t{256} << 20);
  const std::uint64_t byAllocation = maxAllocation / (largestFrame * sizeof(float));
  const std::uint64_t byBudget = budget / (allFrame * sizeof(float));
  const std::size_t most =
      transfer.batchLimit ? std::min(transfer.batchLimit, transfer.frames) : transfer.frames;
  return std::size_t(
      std::clamp<std::uint64_t>(std::min(byAllocation, byBudget), 1, std::max<std::size_t>(most, 1)));
}

// `device` offers allocate<float>(count), write(buffer, host, count) (which may return before the
// copy is done) and download(buffer, host, count) (which waits for everything queued before it).
// `launch(source, target, count)` queues the method's kernels for `count` frames.
template <class Device, class Launch>
void inFrameBatches(Device& device, const FrameTransfer& transfer, std::size_t batch, const Launch& launch,
                    const AfterBatch& afterBatch) {
  const auto source = device.template allocate<float>(batch * transfer.inFrame);
  const auto target = device.template allocate<float>(batch * transfer.outFrame);
  std::vector<float> staged(transfer.stage ? batch * transfer.inFrame : 0);
  for (std::size_t t = 0; t < transfer.frames; t += batch) {
    const std::size_t count = std::min(batch, transfer.frames - t);
    const float* host = transfer.in + t * transfer.inFrame;
    if (transfer.stage) {
      for (std::size_t k = 0; k < count; ++k) transfer.stage(t + k, staged.data() + k * transfer.inFrame);
      host = staged.data();
    }
    device.write(source, host, count * transfer.inFrame);
    launch(source, target, count);
    // waits for the batch: the staging buffer is refilled next, and progress means frames done
    device.download(target, transfer.out + t * transfer.outFrame, count * transfer.outFrame);
    if (afterBatch) afterBatch(t + count);
  }
}

}  // namespace lqs::gpu
