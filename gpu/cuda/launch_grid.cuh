#pragma once
// The 2-D launch shape every CUDA kernel here uses: blocks of `block` threads tiling rows x cols,
// one grid layer per frame (or per sub-pixel, for eSRRF's convergence).
#include <cuda_runtime.h>

#include <cstddef>

namespace lqs::gpu::cuda {

inline dim3 gridFor(int rows, int cols, dim3 block, std::size_t layers = 1) {
  return dim3((unsigned(cols) + block.x - 1) / block.x, (unsigned(rows) + block.y - 1) / block.y,
              unsigned(layers));
}

}  // namespace lqs::gpu::cuda
