#include "gpu/devices.hpp"

#ifdef LQS_HAVE_CUDA
#include <cuda_runtime.h>
#endif

namespace lqs::gpu {

std::vector<Device> cudaDevices() {
  std::vector<Device> found;
#ifdef LQS_HAVE_CUDA
  int count = 0;
  // Without a driver this is error 35 (insufficient driver), not 100: any failure means no CUDA.
  if (cudaGetDeviceCount(&count) != cudaSuccess) return found;
  int runtime = 0, driver = 0;
  cudaRuntimeGetVersion(&runtime);
  cudaDriverGetVersion(&driver);
  for (int i = 0; i < count; ++i) {
    cudaDeviceProp prop{};
    if (cudaGetDeviceProperties(&prop, i) != cudaSuccess) continue;
    Device device;
    device.backend = Backend::Cuda;
    device.name = prop.name;
    device.vendor = "NVIDIA";
    device.driver = "driver " + std::to_string(driver) + " runtime " + std::to_string(runtime) +
                    " sm_" + std::to_string(prop.major) + std::to_string(prop.minor);
    device.memoryBytes = prop.totalGlobalMem;
    device.deviceIndex = i;
    device.ordinal = int(found.size());
    found.push_back(std::move(device));
  }
#endif
  return found;
}

}  // namespace lqs::gpu
