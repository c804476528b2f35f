/* Gradient operators of eSRRF (Roberts cross) and SRRF (central differences), NanoPyx conventions:
 * Roberts cross uses the pixel above/left, clamped at the top and left borders, unnormalised. */
#ifndef LQS_GRADIENTS_H
#define LQS_GRADIENTS_H
#include "kernel_common.h"

LQS_FN void lqs_roberts_cross(LQS_CONSTANT float* img, int cols, int r, int c, float* gradCol, float* gradRow) {
  const int r0 = r > 0 ? r - 1 : 0, c0 = c > 0 ? c - 1 : 0;
  const float above = img[r0 * cols + c], left = img[r * cols + c0], here = img[r * cols + c],
              diagonal = img[r0 * cols + c0];
  *gradCol = above - left + here - diagonal;
  *gradRow = -above + left + here - diagonal;
}

/* SRRF radiality gradient: central difference without 1/2; 0 on the border. */
LQS_FN void lqs_central_difference(LQS_CONSTANT float* img, int rows, int cols, int r, int c, float* gradCol,
                                   float* gradRow) {
  if (r < 1 || c < 1 || r > rows - 2 || c > cols - 2) {
    *gradCol = 0.0f;
    *gradRow = 0.0f;
    return;
  }
  *gradCol = img[r * cols + c + 1] - img[r * cols + c - 1];
  *gradRow = img[(r + 1) * cols + c] - img[(r - 1) * cols + c];
}

/* One gradient as one value: component 0 along columns, 1 along rows, 2 the magnitude (the
 * per-pixel gradient methods' `component` parameter, gpu/kernels/pixel/). */
LQS_FN float lqs_gradient_component(float gradCol, float gradRow, int component) {
  if (component == 0) return gradCol;
  if (component == 1) return gradRow;
  return sqrt(gradCol * gradCol + gradRow * gradRow);
}

#endif
