// The process-wide CUDA memory pool: a block let go is handed out again for the same size, other
// sizes get their own, and an allocation too large for the device is a DeviceError, not a crash.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "gpu/devices.hpp"
#include "tests/support/skip.hpp"
#ifdef LQS_HAVE_CUDA
#include <cuda_runtime.h>

#include "gpu/cuda/memory_pool.hpp"

using namespace lqs;
using namespace lqs::gpu::cuda;

TEST_CASE("the CUDA memory pool reuses a released block of the same size and kind") {
  if (gpu::cudaDevices().empty()) LQS_SKIP("no CUDA device");
  REQUIRE(cudaSetDevice(0) == cudaSuccess);
  for (const Memory kind : {Memory::Device, Memory::Pinned}) {
    void* first = acquireMemory(kind, 1 << 20);
    releaseMemory(kind, first, 1 << 20);
    void* again = acquireMemory(kind, 1 << 20);
    CHECK(again == first);
    void* other = acquireMemory(kind, 1 << 20);  // the cached block is taken: a new one
    CHECK(other != again);
    void* bigger = acquireMemory(kind, 2 << 20);
    CHECK(bigger != first);
    releaseMemory(kind, again, 1 << 20);
    releaseMemory(kind, other, 1 << 20);
    releaseMemory(kind, bigger, 2 << 20);
  }
  emptyMemoryPool();
}

TEST_CASE("a CUDA allocation beyond the device's memory is a DeviceError, after the pool is emptied") {
  if (gpu::cudaDevices().empty()) LQS_SKIP("no CUDA device");
  REQUIRE(cudaSetDevice(0) == cudaSuccess);
  void* cached = acquireMemory(Memory::Device, 1 << 20);
  releaseMemory(Memory::Device, cached, 1 << 20);
  CHECK_THROWS_AS(acquireMemory(Memory::Device, std::size_t{1} << 50), DeviceError);
  CHECK(cudaGetLastError() == cudaSuccess);  // nothing left behind for the next CUDA call to trip on
  void* fresh = acquireMemory(Memory::Device, 1 << 20);  // the cached block was freed by the retry
  releaseMemory(Memory::Device, fresh, 1 << 20);
  emptyMemoryPool();
}
#else
TEST_CASE("the CUDA memory pool reuses a released block of the same size and kind") {
  LQS_SKIP("built without CUDA");
}
#endif
