/* conv2d's entry point, built as OpenCL C and for CUDA (gpu/cuda/cuda_kernels.cu includes it). */
#include "convolution.h"

LQS_KERNEL lqs_correlate_frames(LQS_CONSTANT float* in, LQS_GLOBAL float* out, LQS_CONSTANT float* weights,
                                int rows, int cols, int kRows, int kCols) {
  LQS_FRAME_PIXEL(r, c, frame, rows, cols);
  const size_t first = frame * (size_t)rows * cols;
  out[first + r * cols + c] = lqs_correlate_pixel(in + first, rows, cols, weights, kRows, kCols, r, c);
}
