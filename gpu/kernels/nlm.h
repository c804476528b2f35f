/* Non-local means as NanoPyx's reference run computes it (scikit-image's "fast" variant written per
 * pixel): for every search shift s in [-distance, distance]^2 the patch distance is the sum over the
 * (patch-1)^2 box (row-o, row+o] x (col-o, col+o] of (P[u] - P[u+s])^2 - 2 sigma^2, divided by
 * patch^2 h^2 and clipped at 0; shifts farther than 5 are ignored, the others weigh exp(-d).
 * `padded` is the frame mirrored by o + distance + 1 on each side; (row, col) are padded coordinates. */
#ifndef LQS_NLM_H
#define LQS_NLM_H
#include "kernel_common.h"

#define LQS_NLM_CUTOFF 5.0f

/* One term of a patch distance: the squared difference of a pixel and its shifted partner, less the
 * noise's share. */
LQS_FN float lqs_nlm_term(float p, float q, float variance2) {
  const float diff = p - q;
  return diff * diff - variance2;
}

/* The weight of a scaled patch distance s (>= 0): exp(-s), and 0 past the cut-off. Never 0 otherwise
 * (exp(-5) > 0), so a caller may skip the shifts weighing 0. */
LQS_FN float lqs_nlm_scaled_weight(float s) { return s > LQS_NLM_CUTOFF ? 0.0f : exp(-s); }

/* The weight of patch distance d (a sum of terms), scaled by 1 / h2s2, a negative d counting as 0. */
LQS_FN float lqs_nlm_weight(float d, float h2s2) { return lqs_nlm_scaled_weight(d > 0.0f ? d / h2s2 : 0.0f); }

LQS_FN float lqs_nlm_pixel(LQS_CONSTANT float* padded, int paddedCols, int row, int col, int offset, int distance,
                           float h2s2, float variance2) {
  float sum = 0.0f, weightSum = 0.0f;
  for (int sr = -distance; sr <= distance; ++sr) {
    for (int sc = -distance; sc <= distance; ++sc) {
      float d = 0.0f;
      for (int a = 1 - offset; a <= offset; ++a) {
        LQS_CONSTANT float* p = padded + (row + a) * paddedCols + col;
        LQS_CONSTANT float* q = padded + (row + a + sr) * paddedCols + col + sc;
        for (int b = 1 - offset; b <= offset; ++b) d += lqs_nlm_term(p[b], q[b], variance2);
      }
      const float w = lqs_nlm_weight(d, h2s2);
      if (w == 0.0f) continue;
      weightSum += w;
      sum += w * padded[(row + sr) * paddedCols + col + sc];
    }
  }
  return sum / weightSum;
}

/* The patch-wise strategy on GPUs: one search shift (dr, dc) at a time over the whole frame, the
 * patch distance split into a column pass and a row pass (2 (patch - 1) terms a pixel instead of
 * (patch - 1)^2). Each pixel takes its own weight for every shift (no pairing of s and -s), so no
 * two work-items of a launch write the same place. Rows are output rows; columns padded columns.
 * (methods/denoise/nlm_cuda.cu forms the same sums a tile at a time, every shift in one launch.) */

/* Sum over rows (row - o, row + o] of the shifted squared difference at padded column `col`. */
LQS_FN float lqs_nlm_shift_column(LQS_CONSTANT float* padded, int paddedCols, int pad, int row, int col, int dr,
                                  int dc, int offset, float variance2) {
  float d = 0.0f;
  for (int a = 1 - offset; a <= offset; ++a)
    d += lqs_nlm_term(padded[(row + pad + a) * paddedCols + col], padded[(row + pad + a + dr) * paddedCols + col + dc],
                      variance2);
  return d;
}

/* Adds shift (dr, dc) to the weight and weighted sum of output pixel (row, col) from the column sums
 * `columns` (one row of paddedCols a output row) that lqs_nlm_shift_column gave for this shift. */
LQS_FN void lqs_nlm_shift_accumulate(LQS_CONSTANT float* padded, LQS_CONSTANT float* columns, int paddedCols, int pad,
                                     int row, int col, int dr, int dc, int offset, float h2s2, LQS_GLOBAL float* sum,
                                     LQS_GLOBAL float* weight, int at) {
  float d = 0.0f;
  for (int b = 1 - offset; b <= offset; ++b) d += columns[row * paddedCols + col + pad + b];
  const float w = lqs_nlm_weight(d, h2s2);
  if (w == 0.0f) return;
  weight[at] += w;
  sum[at] += w * padded[(row + pad + dr) * paddedCols + col + pad + dc];
}

#endif
