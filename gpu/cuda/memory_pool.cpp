#ifdef LQS_HAVE_CUDA
#include "gpu/cuda/memory_pool.hpp"

#include <cuda_runtime.h>

#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "core/errors.hpp"

namespace lqs::gpu::cuda {

namespace {

constexpr std::size_t kPinnedCache = std::size_t{2} << 30;

struct Pool {
  std::mutex lock;
  // (kind, device, bytes) -> free blocks; pinned memory is keyed with device -1
  std::map<std::tuple<Memory, int, std::size_t>, std::vector<void*>> free;
  std::map<std::pair<Memory, int>, std::size_t> cachedBytes;
  std::map<int, std::size_t> deviceLimit;  // a quarter of each device's memory, asked once
};

Pool& pool() {
  static Pool* instance = new Pool;  // never destroyed: the CUDA runtime may be gone at exit
  return *instance;
}

int deviceOf(Memory kind) {
  if (kind == Memory::Pinned) return -1;
  int device = 0;
  cudaGetDevice(&device);
  return device;
}

// The caller holds the lock and has `device` current.
std::size_t cacheLimit(Pool& p, Memory kind, int device) {
  if (kind == Memory::Pinned) return kPinnedCache;
  if (auto it = p.deviceLimit.find(device); it != p.deviceLimit.end()) return it->second;
  std::size_t freeBytes = 0, totalBytes = 0;
  if (cudaMemGetInfo(&freeBytes, &totalBytes) != cudaSuccess) return 0;
  return p.deviceLimit[device] = totalBytes / 4;
}

cudaError_t allocate(Memory kind, void** block, std::size_t bytes) {
  return kind == Memory::Device ? cudaMalloc(block, bytes) : cudaMallocHost(block, bytes);
}

void freeBlock(Memory kind, int device, void* block) {
  if (kind == Memory::Pinned) {
    cudaFreeHost(block);
    return;
  }
  int current = 0;
  cudaGetDevice(&current);
  cudaSetDevice(device);
  cudaFree(block);
  cudaSetDevice(current);
}

// Frees the cached blocks of one kind (and device); the caller holds the lock.
void dropCached(Pool& p, Memory kind, int device) {
  for (auto it = p.free.begin(); it != p.free.end();) {
    const auto& [blockKind, blockDevice, bytes] = it->first;
    if (blockKind != kind || blockDevice != device) {
      ++it;
      continue;
    }
    for (void* block : it->second) freeBlock(kind, device, block);
    it = p.free.erase(it);
  }
  p.cachedBytes[{kind, device}] = 0;
}

}  // namespace

void* acquireMemory(Memory kind, std::size_t bytes) {
  bytes = std::max<std::size_t>(bytes, 1);
  Pool& p = pool();
  const int device = deviceOf(kind);
  std::lock_guard guard(p.lock);
  if (auto it = p.free.find({kind, device, bytes}); it != p.free.end() && !it->second.empty()) {
    void* block = it->second.back();
    it->second.pop_back();
    p.cachedBytes[{kind, device}] -= bytes;
    return block;
  }
  void* block = nullptr;
  cudaError_t status = allocate(kind, &block, bytes);
  if (status != cudaSuccess) {
    cudaGetLastError();  // the failure stays the "last error" of the thread otherwise
    dropCached(p, kind, device);
    status = allocate(kind, &block, bytes);
  }
  if (status != cudaSuccess) {
    cudaGetLastError();
    throw DeviceError(std::string("CUDA ") + (kind == Memory::Device ? "allocation" : "pinned allocation") +
                      " of " + std::to_string(bytes) + " bytes: " + cudaGetErrorString(status) +
                      (status == cudaErrorMemoryAllocation ? " (out of device memory)" : ""));
  }
  return block;
}

void releaseMemory(Memory kind, void* block, std::size_t bytes) noexcept {
  if (!block) return;
  bytes = std::max<std::size_t>(bytes, 1);
  Pool& p = pool();
  const int device = deviceOf(kind);
  std::lock_guard guard(p.lock);
  std::size_t& cached = p.cachedBytes[{kind, device}];
  if (cached + bytes > cacheLimit(p, kind, device)) {
    freeBlock(kind, device, block);
    return;
  }
  try {
    p.free[{kind, device, bytes}].push_back(block);
    cached += bytes;
  } catch (...) {  // no host memory for the list: free the block instead of keeping it
    freeBlock(kind, device, block);
  }
}

void emptyMemoryPool() {
  Pool& p = pool();
  std::lock_guard guard(p.lock);
  for (auto& [key, blocks] : p.free)
    for (void* block : blocks) freeBlock(std::get<0>(key), std::get<1>(key), block);
  p.free.clear();
  p.cachedBytes.clear();
}

}  // namespace lqs::gpu::cuda
#endif
