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

}  // namespace lqs
#endif
