#include "nlm.h"

/* Every kernel runs over (rows, cols) of a frame in each layer of the third axis, one layer per frame
 * of a batch; padded frames are (rows + 2 pad) x paddedCols, column sums rows x paddedCols. */
#define LQS_NLM_FRAME(rows, paddedCols, pad) (get_global_id(2) * (size_t)((rows) + 2 * (pad)) * (paddedCols))

__kernel void nlm_pixelwise(__global const float* padded, __global float* out, int paddedCols, int pad, int offset,
                            int distance, float h2s2, float variance2) {
  const int r = get_global_id(0), c = get_global_id(1), rows = get_global_size(0), cols = get_global_size(1);
  padded += LQS_NLM_FRAME(rows, paddedCols, pad);
  out[get_global_id(2) * (size_t)rows * cols + r * cols + c] =
      lqs_nlm_pixel(padded, paddedCols, r + pad, c + pad, offset, distance, h2s2, variance2);
}

/* Patch-wise: per shift, nlm_shift_columns over (rows, cols + 2 offset) then nlm_shift_accumulate over
 * (rows, cols); nlm_normalise at the end of the batch. */
__kernel void nlm_shift_columns(__global const float* padded, __global float* columns, int paddedCols, int pad,
                                int dr, int dc, int offset, float variance2) {
  const int r = get_global_id(0), col = pad - offset + get_global_id(1), rows = get_global_size(0);
  padded += LQS_NLM_FRAME(rows, paddedCols, pad);
  columns += get_global_id(2) * (size_t)rows * paddedCols;
  columns[r * paddedCols + col] = lqs_nlm_shift_column(padded, paddedCols, pad, r, col, dr, dc, offset, variance2);
}

__kernel void nlm_shift_accumulate(__global const float* padded, __global const float* columns, __global float* sum,
                                   __global float* weight, int paddedCols, int pad, int dr, int dc, int offset,
                                   float h2s2) {
  const int r = get_global_id(0), c = get_global_id(1), rows = get_global_size(0), cols = get_global_size(1);
  const size_t frame = get_global_id(2) * (size_t)rows * cols;
  padded += LQS_NLM_FRAME(rows, paddedCols, pad);
  columns += get_global_id(2) * (size_t)rows * paddedCols;
  lqs_nlm_shift_accumulate(padded, columns, paddedCols, pad, r, c, dr, dc, offset, h2s2, sum + frame, weight + frame,
                           r * cols + c);
}

__kernel void nlm_normalise(__global const float* sum, __global const float* weight, __global float* out) {
  const size_t at = (get_global_id(2) * get_global_size(0) + get_global_id(0)) * get_global_size(1) + get_global_id(1);
  out[at] = sum[at] / weight[at];
}
