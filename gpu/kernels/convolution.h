/* 2-D correlation with clamp-to-edge borders (NanoPyx's Convolution): the kernel is not flipped,
 * its centre is ((kh-1)/2, (kw-1)/2), the accumulator is float. */
#ifndef LQS_CONVOLUTION_H
#define LQS_CONVOLUTION_H
#include "kernel_common.h"

LQS_FN int lqs_clamp_index(int i, int n) { return i < 0 ? 0 : (i >= n ? n - 1 : i); }

LQS_FN float lqs_correlate_pixel(LQS_CONSTANT float* img, int rows, int cols, LQS_CONSTANT float* weights, int kRows,
                                 int kCols, int r, int c) {
  const int cr = (kRows - 1) / 2, cc = (kCols - 1) / 2;
  float acc = 0.0f;
  for (int kr = 0; kr < kRows; ++kr) {
    LQS_CONSTANT float* line = img + lqs_clamp_index(r + kr - cr, rows) * cols;
    for (int kc = 0; kc < kCols; ++kc) acc += weights[kr * kCols + kc] * line[lqs_clamp_index(c + kc - cc, cols)];
  }
  return acc;
}

#endif
