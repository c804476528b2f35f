#include "squirrel.h"

/* One separable pass of the RSF blur of a super-resolved frame (the SQUIRREL error-map search). */
__kernel void blur_pass(__global const float* in, __global float* out, __global const float* weights, int radius,
                        int alongRows) {
  const int r = get_global_id(0), c = get_global_id(1), rows = get_global_size(0), cols = get_global_size(1);
  out[r * cols + c] = lqs_blur_pass_pixel(in, rows, cols, weights, radius, alongRows, r, c);
}

/* The fit's sums of the blurred frame, one work-item per row. */
__kernel void row_sums(__global const float* blurred, __global const float* reference, __global float* out, int cols) {
  lqs_squirrel_row_sums(blurred, reference, cols, get_global_id(0), out);
}
