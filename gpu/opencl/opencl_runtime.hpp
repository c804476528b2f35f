#pragma once
// One OpenCL context and in-order queue per device, programs built once per device and kernel file,
// typed buffers, and every OpenCL failure turned into a DeviceError (the engine then falls back).
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "engine/device.hpp"
#include "gpu/opencl/cl.hpp"

namespace lqs::gpu {

class OpenclDevice {
 public:
  explicit OpenclDevice(const Device& device);
  // The program built from gpu/kernels/`file` (includes resolved); cached. Build failures throw
  // DeviceError with the build log.
  cl::Program& program(const std::string& file);
  cl::Kernel kernel(const std::string& file, const std::string& name);
  // The program built from `kernelText()`, a source generated at run time with its includes already
  // resolved; cached under `key` (kernelText() runs only on the first call).
  cl::Program& program(const std::string& key, const std::function<std::string()>& kernelText);

  cl::Buffer upload(const float* data, std::size_t count);
  cl::Buffer upload(const int* data, std::size_t count);
  cl::Buffer allocate(std::size_t count);  // floats
  void download(const cl::Buffer& buffer, float* data, std::size_t count);
  // Runs `kernel` over a global range (rows, cols) and waits.
  void run(cl::Kernel& kernel, std::size_t rows, std::size_t cols);

  std::uint64_t maxAllocation() const { return maxAllocation_; }

 private:
  cl::Device device_;
  cl::Context context_;
  cl::CommandQueue queue_;
  bool doubles_ = false;
  std::string buildOptions_;  // for every program this device builds
  std::uint64_t maxAllocation_ = 0;
  std::vector<std::pair<std::string, cl::Program>> programs_;
  std::mutex programsLock_;
};

// The shared instance for a discovered OpenCL device (thread-safe).
OpenclDevice& openclDevice(const Device& device);

// Runs `body` and rethrows OpenCL errors as DeviceError naming `what`.
void withOpencl(const std::string& what, const std::function<void()>& body);

}  // namespace lqs::gpu
