#include "gpu/host_copy.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cstring>

namespace lqs::gpu {

void parallelCopy(const float* from, std::size_t count, float* to) {
  constexpr std::size_t kChunk = std::size_t(1) << 18;  // floats: 1 MiB
  tbb::parallel_for(std::size_t(0), (count + kChunk - 1) / kChunk, [&](std::size_t chunk) {
    const std::size_t begin = chunk * kChunk;
    std::memcpy(to + begin, from + begin, std::min(kChunk, count - begin) * sizeof(float));
  });
}

}  // namespace lqs::gpu
