#pragma once
// Frames moved through an OpenCL device in batches that fit its memory: one upload, the method's
// launches over the whole batch (a grid layer per frame) and one download per batch, instead of a
// copy, a launch and a wait per frame. Every per-frame OpenCL method runs through it.
#include <cstddef>
#include <functional>

#include "gpu/opencl/opencl_runtime.hpp"

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

// `launch(source, target, count)` enqueues the method's kernels for `count` frames; `afterBatch(done)`
// runs between batches with the frames finished so far (progress, and cancel by throwing).
using BatchLaunch = std::function<void(const Buffer<float>& source, const Buffer<float>& target, std::size_t count)>;
void inFrameBatches(OpenclDevice& gpu, const FrameTransfer& transfer, const BatchLaunch& launch,
                    const std::function<void(std::size_t done)>& afterBatch);

// Frames per batch for this device: every buffer within one allocation, all of them within an
// eighth of the device's memory and 256 MiB (so progress and cancel come often), at least one and
// at most `batchLimit`.
std::size_t framesPerBatch(const OpenclDevice& gpu, const FrameTransfer& transfer);

}  // namespace lqs::gpu
