/* SRRF radiality (NanoPyx's _c_calculate_radiality_per_subpixel): at every magnified pixel, the
 * radial-gradient gradients sampled (Catmull-Rom, pixel-centre convention) on a ring of LQS_RING
 * points tell how much the local gradient field converges on the pixel centre. */
#ifndef LQS_SRRF_RADIALITY_H
#define LQS_SRRF_RADIALITY_H
#include "interpolation.h"
#include "kernel_common.h"

#define LQS_RING 12

/* Ring point k of radius `ringRadius` (magnified pixels), starting along +column, computed as the
 * original does: a float angle step, the cosine in double, stored as float. */
#define LQS_RING_STEP 0.52359877559829887f /* 2 pi / 12, rounded to float */
LQS_FN float lqs_ring_col(int k, float ringRadius) {
  return (float)(cos((lqs_acc)(LQS_RING_STEP * (float)k)) * ringRadius);
}
LQS_FN float lqs_ring_row(int k, float ringRadius) {
  return (float)(sin((lqs_acc)(LQS_RING_STEP * (float)k)) * ringRadius);
}

/* Convergence of magnified pixel (rM, cM) from the raw-size gradients gc (columns), gr (rows);
 * ringCol/ringRow hold the LQS_RING ring offsets. Negative values are clipped when `positive`. */
LQS_FN float lqs_radiality(LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int rows, int cols, int magnification,
                           LQS_CONSTANT float* ringCol, LQS_CONSTANT float* ringRow, float ringRadius, int positive,
                           int rM, int cM) {
  const float xc = (float)cM + 0.5f, yc = (float)rM + 0.5f, m = (float)magnification;
  float divergence = 0.0f;
  for (int k = 0; k < LQS_RING; ++k) {
    const float x0 = xc + ringCol[k], y0 = yc + ringRow[k];
    const float vGx = lqs_sample(gc, y0 / m, x0 / m, rows, cols, LQS_CATMULL_ROM);
    const float vGy = lqs_sample(gr, y0 / m, x0 / m, rows, cols, LQS_CATMULL_ROM);
    const float magnitude = sqrt(vGx * vGx + vGy * vGy);
    float dk = 0.0f;
    if (magnitude != 0.0f) {
      dk = 1.0f - (fabs(vGy * (xc - x0) - vGx * (yc - y0)) / magnitude) / ringRadius;
      dk = dk * dk;
    }
    divergence += (vGx * ringCol[k] + vGy * ringRow[k] > 0.0f) ? -dk : dk;
  }
  divergence /= (float)LQS_RING;
  return positive && divergence < 0.0f ? 0.0f : divergence;
}

/* One magnified pixel of a frame's SRRF map: 0 outside [(1+border)*mag, (size-1-border)*mag),
 * weighted by the Catmull-Rom magnified intensity when asked. */
LQS_FN float lqs_srrf_pixel(LQS_CONSTANT float* frame, LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int rows,
                            int cols, int magnification, LQS_CONSTANT float* ringCol, LQS_CONSTANT float* ringRow,
                            float ringRadius, int border, int positive, int intensityWeighting, int rM, int cM) {
  const int low = (1 + border) * magnification;
  if (rM < low || rM >= (rows - 1 - border) * magnification || cM < low || cM >= (cols - 1 - border) * magnification)
    return 0.0f;
  float value = lqs_radiality(gc, gr, rows, cols, magnification, ringCol, ringRow, ringRadius, positive, rM, cM);
  if (intensityWeighting)
    value *= lqs_sample(frame, (float)rM / (float)magnification, (float)cM / (float)magnification, rows, cols,
                        LQS_CATMULL_ROM);
  return value;
}

#endif
