/* Pixel-wise non-local means (NanoPyx's reference variant): Gaussian-weighted patch distances on a
 * reflect-padded frame, search window clipped to the image, weight exp(-max(d, 0)), no cutoff.
 * `weights` is patch x patch, already divided by (sum * h^2); variance2 = 2 sigma^2. */
#ifndef LQS_NLM_H
#define LQS_NLM_H
#include "kernel_common.h"

LQS_FN float lqs_nlm_pixel(LQS_CONSTANT float* padded, int paddedCols, int rows, int cols, int row, int col,
                           LQS_CONSTANT float* weights, int patch, int distance, float variance2) {
  const int offset = patch / 2;
  const int iBegin = row - (distance < row ? distance : row);
  const int iEnd = row + (distance + 1 < rows - row ? distance + 1 : rows - row);
  const int jBegin = col - (distance < col ? distance : col);
  const int jEnd = col + (distance + 1 < cols - col ? distance + 1 : cols - col);
  float sum = 0.0f, weightSum = 0.0f;
  for (int i = iBegin; i < iEnd; ++i) {
    for (int j = jBegin; j < jEnd; ++j) {
      float d = 0.0f;
      for (int a = 0; a < patch; ++a) {
        LQS_CONSTANT float* p = padded + (row + a) * paddedCols + col;
        LQS_CONSTANT float* q = padded + (i + a) * paddedCols + j;
        for (int b = 0; b < patch; ++b) {
          const float diff = p[b] - q[b];
          d += weights[a * patch + b] * (diff * diff - variance2);
        }
      }
      const float w = exp(-(d > 0.0f ? d : 0.0f));
      weightSum += w;
      sum += w * padded[(i + offset) * paddedCols + j + offset];
    }
  }
  return sum / weightSum;
}

#endif
