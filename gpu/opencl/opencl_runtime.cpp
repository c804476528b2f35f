#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/opencl_runtime.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "core/errors.hpp"
#include "gpu/kernel_sources.hpp"

namespace lqs::gpu {

namespace {

std::mutex devicesLock;

cl::Device findDevice(const Device& device) {
  std::vector<cl::Platform> platforms;
  cl::Platform::get(&platforms);
  std::vector<cl::Device> devices;
  platforms.at(std::size_t(device.platformIndex)).getDevices(CL_DEVICE_TYPE_ALL, &devices);
  return devices.at(std::size_t(device.deviceIndex));
}

}  // namespace

void withOpencl(const std::string& what, const std::function<void()>& body) {
  try {
    body();
  } catch (const cl::Error& e) {
    const int code = e.err();
    const char* hint = code == CL_MEM_OBJECT_ALLOCATION_FAILURE || code == CL_OUT_OF_RESOURCES ||
                               code == CL_OUT_OF_HOST_MEMORY || code == CL_INVALID_BUFFER_SIZE
                           ? " (out of device memory)"
                           : "";
    throw DeviceError("OpenCL " + what + ": " + e.what() + " failed with error " + std::to_string(code) + hint);
  } catch (const std::out_of_range& e) {
    throw DeviceError("OpenCL " + what + ": " + e.what());
  }
}

OpenclDevice::OpenclDevice(const Device& device) {
  withOpencl("set-up of " + device.name, [&] {
    device_ = findDevice(device);
    context_ = cl::Context(device_);
    queue_ = cl::CommandQueue(context_, device_);
    doubles_ = device_.getInfo<CL_DEVICE_EXTENSIONS>().find("cl_khr_fp64") != std::string::npos;
    // NVIDIA's OpenCL divides to 2.5 ulp by default: coordinates such as i / 3.7 then land on the
    // other side of a pixel edge than on the CPU (a nearest-neighbour magnify differed by whole grey
    // levels), so ask for IEEE division and square root wherever the device offers them
    if (device_.getInfo<CL_DEVICE_SINGLE_FP_CONFIG>() & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT)
      buildOptions_ = "-cl-fp32-correctly-rounded-divide-sqrt";
    maxAllocation_ = device_.getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>();
  });
}

cl::Program& OpenclDevice::program(const std::string& file) {
  return program(file, [&] { return expandedKernelSource(file); });
}

cl::Program& OpenclDevice::program(const std::string& key, const std::function<std::string()>& kernelText) {
  std::lock_guard lock(programsLock_);
  for (auto& [name, program] : programs_)
    if (name == key) return program;
  std::string source = "#define LQS_OPENCL\n";
  if (doubles_) source += "#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n#define LQS_HAS_DOUBLE\n";
  source += kernelText();
  cl::Program program;
  withOpencl("build of " + key, [&] {
    program = cl::Program(context_, source);
    try {
      program.build(std::vector<cl::Device>{device_}, buildOptions_.c_str());
    } catch (const cl::BuildError& e) {
      std::string log;
      for (const auto& [dev, text] : e.getBuildLog()) log += text;
      throw DeviceError("OpenCL build of " + key + " failed:\n" + log);
    }
  });
  programs_.emplace_back(key, program);
  return programs_.back().second;
}

cl::Kernel OpenclDevice::kernel(const std::string& file, const std::string& name) {
  cl::Kernel kernel;
  withOpencl("kernel " + name, [&] { kernel = cl::Kernel(program(file), name.c_str()); });
  return kernel;
}

template <class T>
static cl::Buffer uploadTo(const cl::Context& context, const T* data, std::size_t count) {
  cl::Buffer buffer;
  const T placeholder{};  // OpenCL refuses zero-sized buffers
  withOpencl("upload", [&] {
    buffer = cl::Buffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, std::max<std::size_t>(count, 1) * sizeof(T),
                        const_cast<T*>(count ? data : &placeholder));
  });
  return buffer;
}

cl::Buffer OpenclDevice::upload(const float* data, std::size_t count) { return uploadTo(context_, data, count); }
cl::Buffer OpenclDevice::upload(const int* data, std::size_t count) { return uploadTo(context_, data, count); }

cl::Buffer OpenclDevice::allocate(std::size_t count) {
  cl::Buffer buffer;
  withOpencl("allocation", [&] { buffer = cl::Buffer(context_, CL_MEM_READ_WRITE, std::max<std::size_t>(count, 1) * sizeof(float)); });
  return buffer;
}

void OpenclDevice::download(const cl::Buffer& buffer, float* data, std::size_t count) {
  withOpencl("download", [&] { queue_.enqueueReadBuffer(buffer, CL_TRUE, 0, count * sizeof(float), data); });
}

void OpenclDevice::run(cl::Kernel& kernel, std::size_t rows, std::size_t cols) {
  if (rows == 0 || cols == 0) return;
  withOpencl("kernel launch", [&] {
    queue_.enqueueNDRangeKernel(kernel, cl::NullRange, cl::NDRange(rows, cols));
    queue_.finish();
  });
}

OpenclDevice& openclDevice(const Device& device) {
  static std::map<std::pair<int, int>, std::unique_ptr<OpenclDevice>> devices;
  std::lock_guard lock(devicesLock);
  auto& slot = devices[{device.platformIndex, device.deviceIndex}];
  if (!slot) slot = std::make_unique<OpenclDevice>(device);
  return *slot;
}

}  // namespace lqs::gpu
#endif
