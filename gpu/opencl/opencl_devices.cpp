#include "gpu/devices.hpp"

#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/cl.hpp"
#endif

namespace lqs::gpu {

std::vector<Device> openclDevices() {
  std::vector<Device> found;
#ifdef LQS_HAVE_OPENCL
  try {
    std::vector<cl::Platform> platforms;
    cl::Platform::get(&platforms);
    for (std::size_t p = 0; p < platforms.size(); ++p) {
      std::vector<cl::Device> devices;
      try {
        platforms[p].getDevices(CL_DEVICE_TYPE_ALL, &devices);
      } catch (const cl::Error&) {
        continue;  // a platform with no devices reports CL_DEVICE_NOT_FOUND
      }
      for (std::size_t d = 0; d < devices.size(); ++d) {
        Device device;
        device.backend = Backend::OpenCL;
        device.name = devices[d].getInfo<CL_DEVICE_NAME>();
        device.vendor = devices[d].getInfo<CL_DEVICE_VENDOR>();
        device.driver = devices[d].getInfo<CL_DRIVER_VERSION>();
        device.memoryBytes = devices[d].getInfo<CL_DEVICE_GLOBAL_MEM_SIZE>();
        device.platformIndex = static_cast<int>(p);
        device.deviceIndex = static_cast<int>(d);
        device.ordinal = static_cast<int>(found.size());
        found.push_back(std::move(device));
      }
    }
  } catch (const cl::Error&) {
    // No ICD loader platforms (CL_PLATFORM_NOT_FOUND_KHR): no OpenCL devices.
  }
#endif
  return found;
}

}  // namespace lqs::gpu
