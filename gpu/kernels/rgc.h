/* eSRRF radial gradient convergence (NanoPyx's _c_calculate_rgc), restructured so the inner loop is
 * a few multiply-adds: the neighbours of an output pixel sit on a half-raw-pixel lattice, so
 *  - the 2*mag-magnified gradients are only ever read at lattice points: they are sampled there once
 *    per frame (lattice row a = raw coordinate a/2; the last lattice row/col holds the clamped edge
 *    sample the original reads beyond the grid), as unit vectors so no square root or division is
 *    left in the inner loop;
 *  - the offsets dx, dy, the distance d and the weight w = (d exp(-d^2/tSS))^4 depend only on the
 *    pixel's position inside its macro-pixel and on the neighbour: they come from a table.
 * Table entry (LQS_RGC_FIELDS floats): lattice row offset, lattice col offset, dx, dy, w, w/d. */
#ifndef LQS_RGC_H
#define LQS_RGC_H
#include "interpolation.h"
#include "kernel_common.h"

#define LQS_RGC_FIELDS 6

LQS_FN int lqs_min_int(int a, int b) { return a < b ? a : b; }

/* One neighbour's share of the convergence: w * (1 - D/d) where the unit gradient (Nx, Ny) points
 * towards the centre, masked by a multiply rather than a branch: the direction test is
 * data-dependent and its mispredictions dominated the CPU loop (the lattice holds no NaN, so the
 * mask never meets one). (dx, dy, w, wOverD): the neighbour's table entry. */
LQS_FN float lqs_rgc_term(float Nx, float Ny, float dx, float dy, float w, float wOverD) {
  const float towards = (float)(Nx * dx + Ny * dy < 0.0f);
  return towards * (w - fabs(Ny * dx - Nx * dy) * wOverD);
}

/* The original's bounds test: a neighbour at lattice point (a, b) outside it contributes nothing. */
LQS_FN int lqs_rgc_outside(int a, int b, int maxA, int maxB) { return a <= 0 || a > maxA || b <= 0 || b > maxB; }

/* Every neighbour of lattice point (ay, ax) within `reach` passes the bounds test and lies on the
 * lattice, so the tests can be skipped (most pixels). */
LQS_FN int lqs_rgc_inside(int ay, int ax, int reach, int maxA, int maxB, int rows, int cols) {
  return ay - reach > 0 && ay + reach <= lqs_min_int(maxA, 2 * rows) && ax - reach > 0 &&
         ax + reach <= lqs_min_int(maxB, 2 * cols);
}

/* The weighted mean of the terms, clipped at 0 and sharpened by the sensitivity. */
LQS_FN float lqs_rgc_finish(float rgc, float weights, float sensitivity) {
  rgc = weights > 0.0f ? rgc / weights : 0.0f;
  if (rgc < 0.0f) return 0.0f;
  if (sensitivity > 1.0f) rgc = pow(rgc, sensitivity);
  return rgc;
}

/* nx, ny: unit gradients on the lattice (latticeRows x latticeCols, last row/col = clamped edge;
 * 0 where the gradient is 0 or NaN, which contributes nothing in the original either).
 * (ay, ax): lattice point int(2*yc), int(2*xc) of the output pixel's centre.
 * maxA/maxB: largest lattice row/col the original's bounds accept (2*(rowsM-1), 2*(colsM-1)).
 * inside: lqs_rgc_inside holds, so the tests are skipped. */
LQS_FN float lqs_rgc_pixel(LQS_CONSTANT float* nx, LQS_CONSTANT float* ny, int latticeRows, int latticeCols, int ay,
                           int ax, LQS_CONSTANT float* table, int count, int maxA, int maxB, float sensitivity,
                           int inside) {
  float rgc = 0.0f, weights = 0.0f;
  for (int k = 0; k < count; ++k) {
    LQS_CONSTANT float* e = table + k * LQS_RGC_FIELDS;
    const int a = ay + (int)e[0], b = ax + (int)e[1];
    if (!inside && lqs_rgc_outside(a, b, maxA, maxB)) continue;
    const int index = inside ? a * latticeCols + b
                             : lqs_min_int(a, latticeRows - 1) * latticeCols + lqs_min_int(b, latticeCols - 1);
    weights += e[4];
    rgc += lqs_rgc_term(nx[index], ny[index], e[2], e[3], e[4], e[5]);
  }
  return lqs_rgc_finish(rgc, weights, sensitivity);
}

/* Lattice point a of the 2*mag gradient grid: raw coordinate a/2, or for the extra last point the
 * edge sample (2*size*mag - 1) / (2*mag) that the original's clamping reads. */
LQS_FN float lqs_lattice_coordinate(int a, int size, int magnification) {
  const int index = a < 2 * size ? a * magnification : 2 * size * magnification - 1;
  return (float)index / (float)(2 * magnification);
}

/* (x, y) as a unit vector (the convergence needs only the direction); 0 for a zero or NaN
 * gradient: both contribute nothing in the original. */
LQS_FN void lqs_unit_gradient(float x, float y, float* nx, float* ny) {
  const float length = sqrt(x * x + y * y);
  *nx = length > 0.0f ? x / length : 0.0f;
  *ny = length > 0.0f ? y / length : 0.0f;
}

/* Lattice point (a, b): the Catmull-Rom 2*mag-magnified Roberts-cross gradients gc, gr sampled
 * there, as a unit vector. */
LQS_FN void lqs_lattice_gradient(LQS_CONSTANT float* gc, LQS_CONSTANT float* gr, int rows, int cols, int magnification,
                                 int a, int b, float* nx, float* ny) {
  const float row = lqs_lattice_coordinate(a, rows, magnification), col = lqs_lattice_coordinate(b, cols, magnification);
  lqs_unit_gradient(lqs_sample(gc, row, col, rows, cols, LQS_CATMULL_ROM),
                    lqs_sample(gr, row, col, rows, cols, LQS_CATMULL_ROM), nx, ny);
}

/* Output pixels within `margin` of the border stay 0. */
LQS_FN int lqs_esrrf_in_margin(int rM, int cM, int rowsM, int colsM, int margin) {
  return rM < margin || rM >= rowsM - margin || cM < margin || cM >= colsM - margin;
}

/* The Catmull-Rom magnified intensity at output pixel (rM, cM), the optional weight of its map. */
LQS_FN float lqs_esrrf_intensity(LQS_CONSTANT float* frame, int rows, int cols, int magnification, int rM, int cM) {
  return lqs_sample(frame, (float)rM / (float)magnification, (float)cM / (float)magnification, rows, cols,
                    LQS_CATMULL_ROM);
}

/* One output pixel (rM, cM) of a frame's eSRRF map: 0 inside the margin, else the convergence,
 * weighted by the Catmull-Rom magnified intensity when asked. `first`/`count` slice the table per
 * sub-position sy*mag+sx; latticeOffset[s] = int(2 (s + 0.5) / mag) for s < mag, and
 * latticeOffset[mag] = the largest |lattice offset| of any neighbour (the table's reach). */
LQS_FN float lqs_esrrf_pixel(LQS_CONSTANT float* frame, int rows, int cols, LQS_CONSTANT float* gx,
                             LQS_CONSTANT float* gy, int magnification, LQS_CONSTANT float* table,
                             LQS_CONSTANT int* first, LQS_CONSTANT int* count, LQS_CONSTANT int* latticeOffset,
                             int margin, float sensitivity, int intensityWeighting, int rM, int cM) {
  const int rowsM = rows * magnification, colsM = cols * magnification;
  if (lqs_esrrf_in_margin(rM, cM, rowsM, colsM, margin)) return 0.0f;
  const int sy = rM % magnification, sx = cM % magnification, sub = sy * magnification + sx;
  const int ay = 2 * (rM / magnification) + latticeOffset[sy], ax = 2 * (cM / magnification) + latticeOffset[sx];
  const int maxA = 2 * (rowsM - 1), maxB = 2 * (colsM - 1);
  const int inside = lqs_rgc_inside(ay, ax, latticeOffset[magnification], maxA, maxB, rows, cols);
  float rgc = lqs_rgc_pixel(gx, gy, 2 * rows + 1, 2 * cols + 1, ay, ax, table + first[sub] * LQS_RGC_FIELDS,
                            count[sub], maxA, maxB, sensitivity, inside);
  if (intensityWeighting) rgc *= lqs_esrrf_intensity(frame, rows, cols, magnification, rM, cM);
  return rgc;
}

#endif
