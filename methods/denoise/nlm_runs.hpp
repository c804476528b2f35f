#pragma once
// The two NLM strategies; both compute the same function (the tests hold them to it).
#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/common/opencl.hpp"

namespace lqs {

// One pixel at a time, patch boxes summed directly: no shared state, the GPU-friendly form.
Result runNlmPixelwise(const RunContext& context, CpuSchedule schedule);
// One search shift at a time over the whole frame with integral images: cost independent of the
// patch size; best on the CPU.
Result runNlmPatchwise(const RunContext& context, CpuSchedule schedule);

Result runNlmCuda(const RunContext& context, int device);  // pixel-wise, one thread a pixel
Result runNlmCudaPatchwise(const RunContext& context, int device);  // one launch pair a search shift
#ifdef LQS_HAVE_OPENCL
Result runNlmOpencl(const RunContext& context, gpu::OpenclDevice& gpu);  // pixel-wise, one work-item a pixel
Result runNlmOpenclPatchwise(const RunContext& context, gpu::OpenclDevice& gpu);  // one launch pair a search shift
// Input frames for the device, each mirrored by `pad` on the host as it is staged (reflectPad).
gpu::FrameTransfer paddedFrames(const Stack& in, int pad);
#endif

}  // namespace lqs
