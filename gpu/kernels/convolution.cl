#include "convolution.h"

/* one work-item per pixel; the third axis is the frame of a batch */
__kernel void correlate(__global const float* in, __global float* out, __global const float* weights, int kRows,
                        int kCols) {
  const int r = get_global_id(0), c = get_global_id(1), rows = get_global_size(0), cols = get_global_size(1);
  const size_t frame = get_global_id(2) * (size_t)rows * cols;
  out[frame + r * cols + c] = lqs_correlate_pixel(in + frame, rows, cols, weights, kRows, kCols, r, c);
}
