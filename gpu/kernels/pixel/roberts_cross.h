/* roberts-cross: eSRRF's Roberts cross gradient (NanoPyx's GradientRobertsCross, unnormalised, the
 * top and left borders clamped). params[0]: the component, see lqs_gradient_component. */
#ifndef LQS_PIXEL_ROBERTS_CROSS_H
#define LQS_PIXEL_ROBERTS_CROSS_H
#include "../gradients.h"

LQS_FN float lqs_pixel_roberts_cross(LQS_CONSTANT float* frame, int rows, int cols, int r, int c,
                                     LQS_CONSTANT float* params) {
  (void)rows;
  float gradCol, gradRow;
  lqs_roberts_cross(frame, cols, r, c, &gradCol, &gradRow);
  return lqs_gradient_component(gradCol, gradRow, (int)params[0]);
}

#endif
