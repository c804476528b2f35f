/* Portability macros that let one kernel header compile as C++ (CPU loops), CUDA device code and
 * OpenCL C. OpenCL sources get LQS_OPENCL defined by the program builder before this file. */
#ifndef LQS_KERNEL_COMMON_H
#define LQS_KERNEL_COMMON_H

#if defined(LQS_OPENCL)
#define LQS_FN inline
#define LQS_GLOBAL __global
#define LQS_CONSTANT __global const
#elif defined(__CUDACC__)
#define LQS_FN __host__ __device__ inline
#define LQS_GLOBAL
#define LQS_CONSTANT const
#else
#include <math.h>
#define LQS_FN inline
#define LQS_GLOBAL
#define LQS_CONSTANT const
#endif

/* Kernel entry points written once, built as OpenCL C and by nvcc (a .cu includes the .cl file):
 * LQS_KERNEL declares one; LQS_FRAME_PIXEL(r, c, layer, rows, cols) gives its work-item's pixel
 * (r, c) of grid layer `layer` (a frame of a batch) and returns for those past the frame's edge
 * (CUDA's grid is rounded up to whole blocks: gpu/cuda/launch_grid.cuh). */
#if defined(LQS_OPENCL)
#define LQS_KERNEL __kernel void
#define LQS_FRAME_PIXEL(r, c, layer, rows, cols)        \
  const int r = get_global_id(0), c = get_global_id(1); \
  const size_t layer = get_global_id(2);                \
  if (r >= (rows) || c >= (cols)) return
#elif defined(__CUDACC__)
#define LQS_KERNEL __global__ void
#define LQS_FRAME_PIXEL(r, c, layer, rows, cols)                                                  \
  const int c = blockIdx.x * blockDim.x + threadIdx.x, r = blockIdx.y * blockDim.y + threadIdx.y; \
  const size_t layer = blockIdx.z;                                                                \
  if (r >= (rows) || c >= (cols)) return
#endif

#endif
