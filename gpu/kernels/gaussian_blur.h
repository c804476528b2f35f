/* One pass of scipy.ndimage.gaussian_filter (a separable, normalised 1-D kernel of 2 * radius + 1
 * taps with 'reflect' borders: d c b a | a b c d | d c b a), shared by the CPU and the GPUs.
 * Weights accumulate in double where the device has it, otherwise in float. */
#ifndef LQS_GAUSSIAN_BLUR_H
#define LQS_GAUSSIAN_BLUR_H
#include "kernel_common.h"

#if defined(LQS_OPENCL) && !defined(LQS_HAS_DOUBLE)
typedef float lqs_blur_acc;
#else
typedef double lqs_blur_acc;
#endif

/* Index i mirrored into [0, n) with the edge pixel repeated. */
LQS_FN int lqs_reflect_index(int i, int n) {
  const int period = 2 * n;
  i %= period;
  if (i < 0) i += period;
  return i < n ? i : period - 1 - i;
}

/* The blurred value at (r, c) along the columns of a row (alongRows == 0) or along the rows of a column. */
LQS_FN float lqs_blur_pass_pixel(LQS_CONSTANT float* img, int rows, int cols, LQS_CONSTANT float* weights,
                                 int radius, int alongRows, int r, int c) {
  lqs_blur_acc sum = 0;
  for (int k = -radius; k <= radius; ++k) {
    const int at = alongRows ? lqs_reflect_index(r + k, rows) * cols + c : r * cols + lqs_reflect_index(c + k, cols);
    sum += (lqs_blur_acc)weights[k + radius] * img[at];
  }
  return (float)sum;
}

#endif
