#include "nlm.h"

__kernel void nlm_pixelwise(__global const float* padded, __global float* out, int paddedCols, int pad, int offset,
                            int distance, float h2s2, float variance2) {
  const int r = get_global_id(0), c = get_global_id(1), cols = get_global_size(1);
  out[r * cols + c] = lqs_nlm_pixel(padded, paddedCols, r + pad, c + pad, offset, distance, h2s2, variance2);
}
