#pragma once
// RAII for the CUDA back end: device and pinned arrays, streams, events; every
// CUDA failure (out-of-memory included) becomes a DeviceError.
#include <cuda_runtime.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace lqs::gpu::cuda {

inline void check(cudaError_t status, const char* what) {
  if (status == cudaSuccess) return;
  throw DeviceError(std::string("CUDA ") + what + ": " + cudaGetErrorString(status) +
                    (status == cudaErrorMemoryAllocation ? " (out of device memory)" : ""));
}

template <class T>
class DeviceArray {
 public:
  explicit DeviceArray(std::size_t count) { check(cudaMalloc(&data_, std::max<std::size_t>(count, 1) * sizeof(T)), "allocation"); }
  DeviceArray(const std::vector<T>& host) : DeviceArray(host.size()) {
    check(cudaMemcpy(data_, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice), "upload");
  }
  ~DeviceArray() { cudaFree(data_); }
  DeviceArray(const DeviceArray&) = delete;
  DeviceArray& operator=(const DeviceArray&) = delete;
  T* get() const { return data_; }

 private:
  T* data_ = nullptr;
};

class PinnedArray {
 public:
  explicit PinnedArray(std::size_t count) { check(cudaMallocHost(&data_, std::max<std::size_t>(count, 1) * sizeof(float)), "pinned allocation"); }
  ~PinnedArray() { cudaFreeHost(data_); }
  PinnedArray(const PinnedArray&) = delete;
  PinnedArray& operator=(const PinnedArray&) = delete;
  float* get() const { return data_; }

 private:
  float* data_ = nullptr;
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

}  // namespace lqs::gpu::cuda
