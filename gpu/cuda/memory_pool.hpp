#pragma once
// Device and pinned host memory kept for the whole process. A block that is let go returns to a
// free list (by device, kind and size) and the next call of the same shape takes it back, so a
// second `lqs bench` run, the next `lqs live` block or workflow step pays no cudaMalloc or
// cudaMallocHost (a 128 MiB pinned buffer costs tens of milliseconds). Free blocks are kept up to a
// quarter of the device's memory (pinned: 2 GiB); an allocation that fails drops every free block of
// its kind and is tried once more, so caching never turns into an out-of-memory.
#include <cstddef>

namespace lqs::gpu::cuda {

enum class Memory { Device, Pinned };

// `bytes` (at least 1) on the current device, or pinned on the host; a DeviceError when even an
// emptied pool cannot provide them.
void* acquireMemory(Memory kind, std::size_t bytes);
// Hands back what acquireMemory gave for the same kind and size.
void releaseMemory(Memory kind, void* block, std::size_t bytes) noexcept;
// Frees every cached block (for tests, and before giving up on an allocation).
void emptyMemoryPool();

}  // namespace lqs::gpu::cuda
