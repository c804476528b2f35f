/* eSRRF radial gradient convergence (NanoPyx's _c_calculate_rgc), restructured so the inner loop is
 * a few multiply-adds: the neighbours of an output pixel sit on a half-raw-pixel lattice, so
 *  - the 2*mag-magnified gradients are only ever read at lattice points: they are sampled there once
 *    per frame (lattice row a = raw coordinate a/2; the last lattice row/col holds the clamped edge
 *    sample the original reads beyond the grid);
 *  - the offsets dx, dy, the distance d and the weight w = (d exp(-d^2/tSS))^4 depend only on the
 *    pixel's position inside its macro-pixel and on the neighbour: they come from a table.
 * Table entry (LQS_RGC_FIELDS floats): lattice row offset, lattice col offset, dx, dy, w, w/d. */
#ifndef LQS_RGC_H
#define LQS_RGC_H
#include "kernel_common.h"

#define LQS_RGC_FIELDS 6

LQS_FN int lqs_min_int(int a, int b) { return a < b ? a : b; }

/* gx, gy: gradients on the lattice (latticeRows x latticeCols, last row/col = clamped edge).
 * (ay, ax): lattice point int(2*yc), int(2*xc) of the output pixel's centre.
 * maxA/maxB: largest lattice row/col the original's bounds accept (2*(rowsM-1), 2*(colsM-1)). */
LQS_FN float lqs_rgc_pixel(LQS_CONSTANT float* gx, LQS_CONSTANT float* gy, int latticeRows, int latticeCols, int ay,
                           int ax, LQS_CONSTANT float* table, int count, int maxA, int maxB, float sensitivity) {
  float rgc = 0.0f, weights = 0.0f;
  for (int k = 0; k < count; ++k) {
    LQS_CONSTANT float* e = table + k * LQS_RGC_FIELDS;
    const int a = ay + (int)e[0], b = ax + (int)e[1];
    if (a <= 0 || a > maxA || b <= 0 || b > maxB) continue;
    const int index = lqs_min_int(a, latticeRows - 1) * latticeCols + lqs_min_int(b, latticeCols - 1);
    const float Gx = gx[index], Gy = gy[index], dx = e[2], dy = e[3];
    weights += e[4];
    if (Gx * dx + Gy * dy < 0.0f) {
      const float cross = fabs(Gy * dx - Gx * dy) / sqrt(Gx * Gx + Gy * Gy);
      rgc += e[4] - cross * e[5]; /* w * (1 - D/d) */
    }
  }
  rgc = weights > 0.0f ? rgc / weights : 0.0f;
  if (rgc < 0.0f) return 0.0f;
  if (sensitivity > 1.0f) rgc = pow(rgc, sensitivity);
  return rgc;
}

#endif
