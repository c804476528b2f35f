/* SQUIRREL's per-row sums of a blurred frame b against the reference r (both centred): b, b * b and
 * b * r along row `r`, each stored as a float pair (hi, lo) so that a double accumulator survives
 * float storage (lo is 0 on devices without doubles). out holds 6 floats per row. */
#ifndef LQS_SQUIRREL_H
#define LQS_SQUIRREL_H
#include "gaussian_blur.h"

LQS_FN void lqs_store_split(LQS_GLOBAL float* out, lqs_blur_acc value) {
  const float hi = (float)value;
  out[0] = hi;
  out[1] = (float)(value - (lqs_blur_acc)hi);
}

LQS_FN void lqs_squirrel_row_sums(LQS_CONSTANT float* b, LQS_CONSTANT float* ref, int cols, int r,
                                  LQS_GLOBAL float* out) {
  lqs_blur_acc sum = 0, squares = 0, products = 0;
  for (int c = 0; c < cols; ++c) {
    const lqs_blur_acc v = b[r * cols + c];
    sum += v;
    squares += v * v;
    products += v * ref[r * cols + c];
  }
  lqs_store_split(out + 6 * r, sum);
  lqs_store_split(out + 6 * r + 2, squares);
  lqs_store_split(out + 6 * r + 4, products);
}

#endif
