#include "methods/common/cuda.hpp"

#include "methods/common/cpu.hpp"

namespace lqs {

std::vector<Implementation> cudaImplementations(const std::vector<Device>& devices, const CudaRun& run,
                                                const std::string& variant) {
  std::vector<Implementation> implementations;
  for (const Device& device : devicesOf(devices, Backend::Cuda))
    implementations.push_back({variant + ":" + device.name, device,
                               [run, index = device.deviceIndex](const RunContext& c) { return run(c, index); }});
  return implementations;
}

}  // namespace lqs
