#pragma once
// The OpenCL side of "one kernel, several back ends": one `opencl:<device>` implementation per
// OpenCL device around the same run function. Without OpenCL in the build there are none.
#include <functional>
#include <vector>

#include "engine/method.hpp"

#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/frame_batches.hpp"
#endif

namespace lqs {

#ifdef LQS_HAVE_OPENCL
using OpenclRun = std::function<Result(const RunContext&, gpu::OpenclDevice&)>;
std::vector<Implementation> openclImplementations(const std::vector<Device>& devices, const OpenclRun& run,
                                                  const std::string& variant = "opencl");

// A stack of `in.frames()` frames of outRows x outCols, each made on the device from input frame t
// by `launch` (gpu/opencl/frame_batches.hpp), with the job's progress and cancel between batches.
// `transfer` may set how input frames are staged and the method's own memory per frame.
Stack openclFrames(gpu::OpenclDevice& gpu, const Stack& in, std::size_t outRows, std::size_t outCols,
                   const Job& job, const gpu::BatchLaunch& launch, gpu::FrameTransfer transfer = {});

// The grid of a per-frame launch: rows x cols in every frame of a batch.
inline gpu::Grid frameGrid(std::size_t rows, std::size_t cols, std::size_t count) {
  return {rows, cols, count};
}
#endif

}  // namespace lqs
