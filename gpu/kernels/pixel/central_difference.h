/* central-difference: SRRF's radiality gradient (central differences without the 1/2, 0 on the
 * border). params[0]: the component, see lqs_gradient_component. */
#ifndef LQS_PIXEL_CENTRAL_DIFFERENCE_H
#define LQS_PIXEL_CENTRAL_DIFFERENCE_H
#include "../gradients.h"

LQS_FN float lqs_pixel_central_difference(LQS_CONSTANT float* frame, int rows, int cols, int r, int c,
                                          LQS_CONSTANT float* params) {
  float gradCol, gradRow;
  lqs_central_difference(frame, rows, cols, r, c, &gradCol, &gradRow);
  return lqs_gradient_component(gradCol, gradRow, (int)params[0]);
}

#endif
