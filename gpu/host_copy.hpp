#pragma once
// Copies between pageable host memory and pinned staging buffers on all cores: one core's memcpy
// (~6 GB/s, with the page faults of a fresh output) is slower than the device's link.
#include <cstddef>

namespace lqs::gpu {

void parallelCopy(const float* from, std::size_t count, float* to);

}  // namespace lqs::gpu
