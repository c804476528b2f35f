#include "convolution.h"

__kernel void correlate(__global const float* in, __global float* out, __global const float* weights, int kRows,
                        int kCols) {
  const int r = get_global_id(0), c = get_global_id(1), rows = get_global_size(0), cols = get_global_size(1);
  out[r * cols + c] = lqs_correlate_pixel(in, rows, cols, weights, kRows, kCols, r, c);
}
