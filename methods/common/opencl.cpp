#include "methods/common/opencl.hpp"

#ifdef LQS_HAVE_OPENCL
#include "methods/common/cpu.hpp"

namespace lqs {

std::vector<Implementation> openclImplementations(const std::vector<Device>& devices, const OpenclRun& run,
                                                  const std::string& variant) {
  std::vector<Implementation> implementations;
  for (const Device& device : devicesOf(devices, Backend::OpenCL))
    implementations.push_back({variant + ":" + device.name, device, [run, device](const RunContext& context) {
                                 Result result;
                                 gpu::withOpencl(device.name, [&] { result = run(context, gpu::openclDevice(device)); });
                                 return result;
                               }});
  return implementations;
}

Stack openclFrames(gpu::OpenclDevice& gpu, const Stack& in, std::size_t outRows, std::size_t outCols,
                   const Job& job, const gpu::BatchLaunch& launch, gpu::FrameTransfer transfer) {
  Stack out(in.frames(), outRows, outCols, Stack::Uninitialised{});  // every frame is downloaded into it
  out.pixelSize = in.pixelSize;
  transfer.frames = in.frames();
  if (transfer.inFrame == 0) transfer.inFrame = in.frameSize();
  if (!transfer.stage) transfer.in = in.data();
  transfer.outFrame = out.frameSize();
  transfer.out = out.data();
  job.checkCancelled();
  gpu::inFrameBatches(gpu, transfer, launch, job.afterBatches(in.frames()));
  return out;
}

}  // namespace lqs
#endif
