#pragma once
// One OpenCL context and in-order queue per device, kept for the whole process; programs built once
// per device and kernel file (and kept on disk for later processes); typed buffers; launches that
// do not wait; and every OpenCL failure turned into a DeviceError (the engine then falls back).
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "core/device.hpp"
#include "gpu/opencl/cl.hpp"

namespace lqs::gpu {

// Device memory for `count` elements of T. OpenCL refuses empty buffers, so an empty one holds one.
template <class T>
class Buffer {
 public:
  Buffer() = default;
  Buffer(cl::Buffer handle, std::size_t count) : handle_(std::move(handle)), count_(count) {}
  const cl::Buffer& handle() const { return handle_; }
  std::size_t count() const { return count_; }

 private:
  cl::Buffer handle_;
  std::size_t count_ = 0;
};

// Runs `body` and rethrows OpenCL errors as DeviceError naming `what`.
void withOpencl(const std::string& what, const std::function<void()>& body);

// A launch's global range: rows x cols work-items, in `layers` (frames of a batch) along the third axis.
struct Grid {
  std::size_t rows, cols, layers = 1;
};

// A plain struct passed to a kernel by value (`byValue(settings)`): its fields must all be 4-byte
// ints or floats, so that the kernel's OpenCL C struct has the same layout.
template <class T>
struct ByValue {
  const T& value;
};
template <class T>
ByValue<T> byValue(const T& value) {
  static_assert(std::is_trivially_copyable_v<T> && std::is_standard_layout_v<T> && sizeof(T) % 4 == 0 &&
                    alignof(T) == 4,
                "a kernel struct holds 4-byte scalars only");
  return {value};
}

namespace detail {
// Kernel arguments are buffers, int, unsigned, float or byValue structs: a double or a size_t would
// be passed with the wrong size and read as garbage by the kernel, so they do not compile.
template <class T>
const cl::Buffer& kernelArgument(const Buffer<T>& buffer) {
  return buffer.handle();
}
template <class T>
const T& kernelArgument(ByValue<T> wrapped) {
  return wrapped.value;
}
template <class T>
T kernelArgument(T value) {
  static_assert(std::is_same_v<T, int> || std::is_same_v<T, unsigned> || std::is_same_v<T, float>,
                "an OpenCL kernel scalar must be int, unsigned or float");
  return value;
}
}  // namespace detail

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

  template <class T>
  Buffer<T> allocate(std::size_t count) {
    return Buffer<T>(rawAllocation(count * sizeof(T)), count);
  }
  // A buffer holding a copy of `data`, complete on return (the host memory may change after). The
  // driver copies at creation, which on NVIDIA is cheaper than a blocking write into a buffer.
  template <class T>
  Buffer<T> upload(const T* data, std::size_t count) {
    return Buffer<T>(rawCopy(data, count * sizeof(T)), count);
  }
  // Copies host `data` into `buffer` from element `at` on, complete on return.
  template <class T>
  void upload(const Buffer<T>& buffer, const T* data, std::size_t count, std::size_t at = 0) {
    rawWrite(buffer.handle(), at * sizeof(T), count * sizeof(T), data, true);
  }
  // Enqueues a copy of host `data` into `buffer` from element `at` on; the host memory must stay
  // unchanged until the queue has passed it (a later download or finish()).
  template <class T>
  void write(const Buffer<T>& buffer, const T* data, std::size_t count, std::size_t at = 0) {
    rawWrite(buffer.handle(), at * sizeof(T), count * sizeof(T), data, false);
  }
  // Waits for everything enqueued before, then copies `count` elements from element `at` on to the host.
  template <class T>
  void download(const Buffer<T>& buffer, T* data, std::size_t count, std::size_t at = 0) {
    rawRead(buffer.handle(), at * sizeof(T), count * sizeof(T), data, true);
  }
  template <class T>
  void fill(const Buffer<T>& buffer, T value) {
    if (buffer.count() == 0) return;
    withOpencl("fill",
               [&] { queue_.enqueueFillBuffer(buffer.handle(), value, 0, buffer.count() * sizeof(T)); });
  }
  // Enqueues `kernel` over `grid` with `args` in order; does not wait (the queue is in order, so a
  // download after it sees its result).
  template <class... Args>
  void launch(cl::Kernel& kernel, Grid grid, const Args&... args) {
    withOpencl("kernel arguments", [&] {
      cl_uint next = 0;
      (kernel.setArg(next++, detail::kernelArgument(args)), ...);
    });
    enqueue(kernel, grid);
  }
  void finish();  // waits for everything enqueued

  std::uint64_t maxAllocation() const { return maxAllocation_; }
  std::uint64_t globalMemory() const { return globalMemory_; }

 private:
  cl::Buffer rawAllocation(std::size_t bytes);
  cl::Buffer rawCopy(const void* data, std::size_t bytes);
  void rawWrite(const cl::Buffer& buffer, std::size_t offset, std::size_t bytes, const void* data, bool wait);
  void rawRead(const cl::Buffer& buffer, std::size_t offset, std::size_t bytes, void* data, bool wait);
  void enqueue(cl::Kernel& kernel, Grid grid);
  // From the on-disk cache (gpu/opencl/program_cache.hpp) when it holds this source's binary.
  cl::Program buildProgram(const std::string& key, const std::string& source);

  std::string identity_;  // Device::identity(): part of the cache key
  cl::Device device_;
  cl::Context context_;
  cl::CommandQueue queue_;
  bool doubles_ = false;
  std::string buildOptions_;  // for every program this device builds
  std::uint64_t maxAllocation_ = 0, globalMemory_ = 0;
  std::vector<std::pair<std::string, cl::Program>> programs_;
  std::mutex programsLock_;
};

// The shared instance for a discovered OpenCL device (thread-safe), made once per process.
OpenclDevice& openclDevice(const Device& device);

}  // namespace lqs::gpu
