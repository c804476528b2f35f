#pragma once
// RAII for the CUDA back end: device and pinned arrays, streams, events; every
// CUDA failure (out-of-memory included) becomes a DeviceError.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "gpu/cuda/memory_pool.hpp"

namespace lqs::gpu::cuda {

inline void check(cudaError_t status, const char* what) {
  if (status == cudaSuccess) return;
  throw DeviceError(std::string("CUDA ") + what + ": " + cudaGetErrorString(status) +
                    (status == cudaErrorMemoryAllocation ? " (out of device memory)" : ""));
}

// Device memory from the process's pool (gpu/cuda/memory_pool.hpp): a later call of the same
// shape reuses it instead of allocating again.
template <class T>
class DeviceArray {
 public:
  explicit DeviceArray(std::size_t count)
      : bytes_(std::max<std::size_t>(count, 1) * sizeof(T)),
        data_(static_cast<T*>(acquireMemory(Memory::Device, bytes_))) {}
  DeviceArray(const std::vector<T>& host) : DeviceArray(host.size()) {
    check(cudaMemcpy(data_, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice), "upload");
  }
  ~DeviceArray() { releaseMemory(Memory::Device, data_, bytes_); }
  DeviceArray(const DeviceArray&) = delete;
  DeviceArray& operator=(const DeviceArray&) = delete;
  T* get() const { return data_; }

 private:
  std::size_t bytes_;
  T* data_;
};

// Pinned host memory from the same pool.
class PinnedArray {
 public:
  explicit PinnedArray(std::size_t count)
      : bytes_(std::max<std::size_t>(count, 1) * sizeof(float)),
        data_(static_cast<float*>(acquireMemory(Memory::Pinned, bytes_))) {}
  ~PinnedArray() { releaseMemory(Memory::Pinned, data_, bytes_); }
  PinnedArray(const PinnedArray&) = delete;
  PinnedArray& operator=(const PinnedArray&) = delete;
  float* get() const { return data_; }

 private:
  std::size_t bytes_;
  float* data_;
};

struct Stream {
  Stream() { check(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking), "stream"); }
  ~Stream() { cudaStreamDestroy(stream); }
  Stream(const Stream&) = delete;
  cudaStream_t stream;
};

struct Event {
  Event() { check(cudaEventCreateWithFlags(&event, cudaEventDisableTiming), "event"); }
  ~Event() { cudaEventDestroy(event); }
  Event(const Event&) = delete;
  cudaEvent_t event;
};

// Waits for the kernels queued so far; a launch or execution error becomes a DeviceError.
inline void launched(const char* what) {
  check(cudaGetLastError(), what);
  check(cudaDeviceSynchronize(), what);
}

// Kernel time per call on stderr when LQS_CUDA_TIMING is set: for comparing the kernels with the
// device's bandwidth bound apart from the host<->device copies (docs/benchmarks.md).
class KernelTimer {
 public:
  explicit KernelTimer(const char* what) : what_(what), enabled_(std::getenv("LQS_CUDA_TIMING") != nullptr) {
    if (!enabled_) return;
    check(cudaEventCreate(&start_), "event");
    check(cudaEventCreate(&stop_), "event");
  }
  ~KernelTimer() {
    if (!enabled_) return;
    std::fprintf(stderr, "cuda kernel %s: %.4f ms\n", what_, milliseconds_);
    cudaEventDestroy(start_);
    cudaEventDestroy(stop_);
  }
  template <class Launch>
  void run(const Launch& launch, cudaStream_t stream = nullptr) {
    if (enabled_) check(cudaEventRecord(start_, stream), "event");
    launch();
    if (!enabled_) return launched(what_);
    check(cudaEventRecord(stop_, stream), "event");
    launched(what_);
    float ms = 0;
    check(cudaEventElapsedTime(&ms, start_, stop_), "event timing");
    milliseconds_ += ms;
  }

 private:
  const char* what_;
  bool enabled_;
  float milliseconds_ = 0;
  cudaEvent_t start_ = nullptr, stop_ = nullptr;
};

}  // namespace lqs::gpu::cuda
