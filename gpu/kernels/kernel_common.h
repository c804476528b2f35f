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

#endif
