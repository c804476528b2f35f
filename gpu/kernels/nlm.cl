#include "nlm.h"

__kernel void nlm_pixelwise(__global const float* padded, __global float* out, int paddedCols, int pad, int offset,
                            int distance, float h2s2, float variance2) {
  const int r = get_global_id(0), c = get_global_id(1), cols = get_global_size(1);
  out[r * cols + c] = lqs_nlm_pixel(padded, paddedCols, r + pad, c + pad, offset, distance, h2s2, variance2);
}

/* Patch-wise: per shift, nlm_shift_columns over (rows, cols + 2 offset) then nlm_shift_accumulate over
 * (rows, cols); nlm_normalise at the end of the frame. */
__kernel void nlm_shift_columns(__global const float* padded, __global float* columns, int paddedCols, int pad,
                                int dr, int dc, int offset, float variance2) {
  const int r = get_global_id(0), col = pad - offset + get_global_id(1);
  columns[r * paddedCols + col] = lqs_nlm_shift_column(padded, paddedCols, pad, r, col, dr, dc, offset, variance2);
}

__kernel void nlm_shift_accumulate(__global const float* padded, __global const float* columns, __global float* sum,
                                   __global float* weight, int paddedCols, int pad, int dr, int dc, int offset,
                                   float h2s2) {
  const int r = get_global_id(0), c = get_global_id(1), cols = get_global_size(1);
  lqs_nlm_shift_accumulate(padded, columns, paddedCols, pad, r, c, dr, dc, offset, h2s2, sum, weight, r * cols + c);
}

__kernel void nlm_normalise(__global const float* sum, __global const float* weight, __global float* out) {
  const int at = get_global_id(0) * get_global_size(1) + get_global_id(1);
  out[at] = sum[at] / weight[at];
}
