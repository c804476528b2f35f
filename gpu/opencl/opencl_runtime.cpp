#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/opencl_runtime.hpp"

#include <map>
#include <memory>
#include <mutex>

#include "core/errors.hpp"
#include "gpu/kernel_sources.hpp"
#include "gpu/opencl/program_cache.hpp"

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
    throw DeviceError("OpenCL " + what + ": " + e.what() + " failed with error " + std::to_string(code) +
                      hint);
  }
}

OpenclDevice::OpenclDevice(const Device& device) : identity_(device.identity()) {
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
    globalMemory_ = device_.getInfo<CL_DEVICE_GLOBAL_MEM_SIZE>();
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
  programs_.emplace_back(key, buildProgram(key, source));
  return programs_.back().second;
}

cl::Program OpenclDevice::buildProgram(const std::string& key, const std::string& source) {
  const std::string cacheKey = identity_ + "\n" + buildOptions_ + "\n" + source;
  ProgramCache& cache = ProgramCache::shared();
  if (const auto binary = cache.load(cacheKey)) {
    try {
      cl::Program program(context_, {device_}, cl::Program::Binaries{*binary});
      program.build(std::vector<cl::Device>{device_}, buildOptions_.c_str());
      return program;
    } catch (const cl::Error&) {
      // the driver was updated in place and refuses its old binary: build from source below
    }
  }
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
  try {
    const auto binaries = program.getInfo<CL_PROGRAM_BINARIES>();
    if (!binaries.empty()) cache.store(cacheKey, binaries.front());
  } catch (const cl::Error&) {
    // a program whose binary the driver will not give is still a program: built next time too
  }
  return program;
}

cl::Kernel OpenclDevice::kernel(const std::string& file, const std::string& name) {
  cl::Kernel kernel;
  withOpencl("kernel " + name, [&] { kernel = cl::Kernel(program(file), name.c_str()); });
  return kernel;
}

cl::Buffer OpenclDevice::rawAllocation(std::size_t bytes) {
  cl::Buffer buffer;
  withOpencl("allocation",
             [&] { buffer = cl::Buffer(context_, CL_MEM_READ_WRITE, std::max<std::size_t>(bytes, 1)); });
  return buffer;
}

cl::Buffer OpenclDevice::rawCopy(const void* data, std::size_t bytes) {
  if (bytes == 0) return rawAllocation(0);
  cl::Buffer buffer;
  withOpencl("upload", [&] {
    buffer = cl::Buffer(context_, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, bytes, const_cast<void*>(data));
  });
  return buffer;
}

void OpenclDevice::rawWrite(const cl::Buffer& buffer, std::size_t offset, std::size_t bytes, const void* data,
                            bool wait) {
  if (bytes == 0) return;
  withOpencl("upload",
             [&] { queue_.enqueueWriteBuffer(buffer, wait ? CL_TRUE : CL_FALSE, offset, bytes, data); });
}

void OpenclDevice::rawRead(const cl::Buffer& buffer, std::size_t offset, std::size_t bytes, void* data,
                           bool wait) {
  if (bytes == 0) {
    if (wait) finish();
    return;
  }
  withOpencl("download",
             [&] { queue_.enqueueReadBuffer(buffer, wait ? CL_TRUE : CL_FALSE, offset, bytes, data); });
}

void OpenclDevice::enqueue(cl::Kernel& kernel, Grid grid) {
  if (grid.rows == 0 || grid.cols == 0 || grid.layers == 0) return;
  withOpencl("kernel launch", [&] {
    const cl::NDRange range =
        grid.layers == 1 ? cl::NDRange(grid.rows, grid.cols) : cl::NDRange(grid.rows, grid.cols, grid.layers);
    queue_.enqueueNDRangeKernel(kernel, cl::NullRange, range);
  });
}

void OpenclDevice::finish() {
  withOpencl("queue", [&] { queue_.finish(); });
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
