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

/* The ring samples of a pixel at sub-position (sy, sx) inside its macro-pixel fall at a fixed
 * fraction of a raw pixel from the macro-pixel's corner, so their Catmull-Rom taps and weights are
 * data-independent: one entry per (sub-position, ring point) holds the first tap's row and column
 * offsets and the 4 row and 4 column weights (for the ring point at offset ringCol, ringRow). */
#define LQS_RING_FIELDS 10
LQS_FN void lqs_ring_taps(int sy, int sx, int magnification, float ringCol, float ringRow, float* entry) {
  const float fr = ((float)sy + 0.5f + ringRow) / (float)magnification;
  const float fc = ((float)sx + 0.5f + ringCol) / (float)magnification;
  const int r0 = (int)floor(fr - 0.5f) - 1, c0 = (int)floor(fc - 0.5f) - 1;
  entry[0] = (float)r0;
  entry[1] = (float)c0;
  for (int i = 0; i < 4; ++i) {
    entry[2 + i] = (float)lqs_catmull_rom_weight((lqs_acc)fr - ((lqs_acc)(r0 + i) + 0.5));
    entry[6 + i] = (float)lqs_catmull_rom_weight((lqs_acc)fc - ((lqs_acc)(c0 + i) + 0.5));
  }
}

/* Ring point's gradient (vGx, vGy) from its tabled 4x4 Catmull-Rom taps `e` (lqs_ring_taps), all
 * inside the image: rows r0.. r0+3, columns c0.. c0+3 of gc (columns) and gr (rows). */
LQS_FN void lqs_ring_gradient_tabled(LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int cols, int r0, int c0,
                                     LQS_CONSTANT float* e, float* vGx, float* vGy) {
  float x = 0.0f, y = 0.0f;
  for (int i = 0; i < 4; ++i) {
    float rowX = 0.0f, rowY = 0.0f;
    for (int j = 0; j < 4; ++j) {
      rowX += gc[(r0 + i) * cols + c0 + j] * e[6 + j];
      rowY += gr[(r0 + i) * cols + c0 + j] * e[6 + j];
    }
    x += rowX * e[2 + i];
    y += rowY * e[2 + i];
  }
  *vGx = x;
  *vGy = y;
}

/* One ring point's signed convergence: how closely the gradient (vGx, vGy) sampled at the ring point
 * (offset ringCol, ringRow from the pixel centre; dx = xc - x0, dy = yc - y0 as the original
 * computes them) points through the centre; negative when it points away. A zero gradient adds 0
 * (computed and then chosen, so vectorised loops have no branch). */
LQS_FN float lqs_ring_convergence(float vGx, float vGy, float dx, float dy, float ringCol, float ringRow,
                                  float ringRadius) {
  const float magnitude = sqrt(vGx * vGx + vGy * vGy);
  const float divisor = magnitude != 0.0f ? magnitude : 1.0f;
  const float closeness = 1.0f - (fabs(vGy * dx - vGx * dy) / divisor) / ringRadius;
  const float squared = closeness * closeness, dk = magnitude != 0.0f ? squared : 0.0f, away = -dk;
  return vGx * ringCol + vGy * ringRow > 0.0f ? away : dk;
}

/* Ring point k's term at magnified pixel (rM, cM): the tabled taps `e` (its sub-position's entry for
 * k) when all 16 lie inside, else the general sampler (taps outside skipped, as the original). */
LQS_FN float lqs_ring_term(LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int rows, int cols,
                           int magnification, float ringCol, float ringRow, LQS_CONSTANT float* e,
                           float ringRadius, int rM, int cM) {
  const float xc = (float)cM + 0.5f, yc = (float)rM + 0.5f, m = (float)magnification;
  const int r0 = rM / magnification + (int)e[0], c0 = cM / magnification + (int)e[1];
  const float x0 = xc + ringCol, y0 = yc + ringRow;
  float vGx, vGy;
  if (r0 >= 0 && r0 + 3 < rows && c0 >= 0 && c0 + 3 < cols) {
    lqs_ring_gradient_tabled(gc, gr, cols, r0, c0, e, &vGx, &vGy);
  } else {
    vGx = lqs_sample(gc, y0 / m, x0 / m, rows, cols, LQS_CATMULL_ROM);
    vGy = lqs_sample(gr, y0 / m, x0 / m, rows, cols, LQS_CATMULL_ROM);
  }
  return lqs_ring_convergence(vGx, vGy, xc - x0, yc - y0, ringCol, ringRow, ringRadius);
}

/* The mean of the LQS_RING terms, negative values clipped when `positive`. */
LQS_FN float lqs_radiality_of(float divergence, int positive) {
  divergence /= (float)LQS_RING;
  return positive && divergence < 0.0f ? 0.0f : divergence;
}

/* Convergence of magnified pixel (rM, cM) from the raw-size gradients gc (columns), gr (rows);
 * ringCol/ringRow hold the LQS_RING ring offsets, taps the pixel's sub-position's LQS_RING entries
 * of lqs_ring_taps. */
LQS_FN float lqs_radiality(LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int rows, int cols,
                           int magnification, LQS_CONSTANT float* ringCol, LQS_CONSTANT float* ringRow,
                           LQS_CONSTANT float* taps, float ringRadius, int positive, int rM, int cM) {
  float divergence = 0.0f;
  for (int k = 0; k < LQS_RING; ++k)
    divergence += lqs_ring_term(gc, gr, rows, cols, magnification, ringCol[k], ringRow[k],
                                taps + k * LQS_RING_FIELDS, ringRadius, rM, cM);
  return lqs_radiality_of(divergence, positive);
}

/* One magnified pixel of a frame's SRRF map: 0 outside [(1+border)*mag, (size-1-border)*mag),
 * weighted by the Catmull-Rom magnified intensity when asked. */
LQS_FN float lqs_srrf_pixel(LQS_CONSTANT float* frame, LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int rows,
                            int cols, int magnification, LQS_CONSTANT float* ringCol, LQS_CONSTANT float* ringRow,
                            LQS_CONSTANT float* taps, float ringRadius, int border, int positive,
                            int intensityWeighting, int rM, int cM) {
  const int low = (1 + border) * magnification;
  if (rM < low || rM >= (rows - 1 - border) * magnification || cM < low || cM >= (cols - 1 - border) * magnification)
    return 0.0f;
  const int sub = (rM % magnification) * magnification + cM % magnification;
  float value = lqs_radiality(gc, gr, rows, cols, magnification, ringCol, ringRow,
                              taps + sub * LQS_RING * LQS_RING_FIELDS, ringRadius, positive, rM, cM);
  if (intensityWeighting)
    value *= lqs_sample(frame, (float)rM / (float)magnification, (float)cM / (float)magnification, rows, cols,
                        LQS_CATMULL_ROM);
  return value;
}

#endif
