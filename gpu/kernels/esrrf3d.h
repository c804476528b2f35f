/* eSRRF 3D per voxel (NanoPyx's _le_esrrf3d / _c_calculate_rgc3D conventions), shared by the CPU
 * loops and esrrf3d.cl. Volumes are slices x rows x cols; the magnified grid is mz x mxy x mxy larger. */
#ifndef LQS_ESRRF3D_H
#define LQS_ESRRF3D_H

#include "convolution.h" /* lqs_clamp_index */
#include "interpolation.h"
#include "kernel_common.h"

/* Central differences halved in x and y, the backward difference halved in z, indices clamped. */
LQS_FN void lqs_gradient_3d(LQS_CONSTANT float* v, int slices, int rows, int cols, int s, int r, int c,
                            float* gc, float* gr, float* gs) {
  const int plane = rows * cols;
#define LQS_V(z, y, x) \
  v[lqs_clamp_index(z, slices) * plane + lqs_clamp_index(y, rows) * cols + lqs_clamp_index(x, cols)]
  *gc = (LQS_V(s, r, c + 1) - LQS_V(s, r, c - 1)) / 2;
  *gr = (LQS_V(s, r + 1, c) - LQS_V(s, r - 1, c)) / 2;
  *gs = (LQS_V(s, r, c) - LQS_V(s - 1, r, c)) / 2;
#undef LQS_V
}

/* The original's interpolate_3d_zlinear: Catmull-Rom in xy (only when mxy > 1), and in z each slice
 * repeated mz times (its "linear" z step truncates the source slice to an integer). */
LQS_FN float lqs_magnified_3d(LQS_CONSTANT float* v, int rows, int cols, int mxy, int mz, int sM, int rM,
                              int cM) {
  LQS_CONSTANT float* slice = v + (sM / mz) * rows * cols;
  if (mxy == 1) return slice[rM * cols + cM];
  return lqs_sample(slice, (float)rM / (float)mxy, (float)cM / (float)mxy, rows, cols, LQS_CATMULL_ROM);
}

/* The neighbours of a voxel sit at whole raw steps (i, j, k) from its centre, so the offsets, the
 * distance d and the weight (d exp(-d_xy^2/tSS) exp(-d_z^2/tSS_z))^4 depend only on (i, j, k):
 * a table of LQS_ESRRF3D_FIELDS floats per offset, i and j in -int(radius) .. int(radius + 1), k in
 * -int(radius_z) .. int(radius_z + 1) (inclusive, as the original), k fastest. Weight 0 marks an
 * offset the original skips: d = 0, d_xy > 2 sigma + 1 or (signed) d_z > 2 sigma_z + 1. */
#define LQS_ESRRF3D_FIELDS 2 /* weight, distance */
LQS_FN int lqs_esrrf3d_span(float radius) {
  return (int)(radius + 1) + (int)radius + 1;
}

LQS_FN void lqs_esrrf3d_offset(int i, int j, int k, float radius, float radiusZ, float* weight,
                               float* distance) {
  const float sigma = radius / 2.355f, sigmaZ = radiusZ / 2.355f;
  const float tSS = 2 * sigma * sigma, tSO = 2 * sigma + 1, tSSZ = 2 * sigmaZ * sigmaZ, tSOZ = 2 * sigmaZ + 1;
  const float dx = (float)i, dy = (float)j, dz = (float)k;
  const float dxy = sqrt(dx * dx + dy * dy), d = sqrt(dx * dx + dy * dy + dz * dz);
  const float w1 = d * (float)(exp(-dxy * dxy / tSS) * exp(-dz * dz / tSSZ));
  *weight = (d == 0 || dxy > tSO || dz > tSOZ) ? 0.0f : w1 * w1 * w1 * w1;
  *distance = d;
}

/* Scales a magnified gradient to unit length once, rather than at every visit (a zero gradient stays
 * zero: it never points away from a neighbour, so the convergence never reads its direction). */
LQS_FN void lqs_unit_gradient(float* gx, float* gy, float* gz) {
  const float g = sqrt(*gx * *gx + *gy * *gy + *gz * *gz);
  if (g > 0) *gx /= g, *gy /= g, *gz /= g;
}

/* Radial gradient convergence at magnified voxel (sM, rM, cM) from the unit magnified gradients, centred
 * on (sM/mz, rM/mxy, cM/mxy) (no half-pixel shift), neighbours kept inside 0 < v <= size - 1 and read
 * at ((int)(vz mz), (int)(vy mxy), (int)(vx mxy)). Voxels within int(radius * mag) of a face stay 0;
 * so does a voxel with no neighbour (the original divides 0 by 0 there). */
LQS_FN float lqs_esrrf3d_voxel(LQS_CONSTANT float* gx, LQS_CONSTANT float* gy, LQS_CONSTANT float* gz,
                               LQS_CONSTANT float* offsets, int slices, int rows, int cols, int mxy, int mz,
                               float radius, float radiusZ, float sensitivity, int sM, int rM, int cM) {
  const int slicesM = slices * mz, rowsM = rows * mxy, colsM = cols * mxy;
  const int margin = (int)(radius * mxy), marginZ = (int)(radiusZ * mz);
  if (sM < marginZ || sM >= slicesM - marginZ || rM < margin || rM >= rowsM - margin || cM < margin ||
      cM >= colsM - margin)
    return 0.0f;
  const float xc = (float)cM / mxy, yc = (float)rM / mxy, zc = (float)sM / mz;
  const int reach = (int)radius, reachZ = (int)radiusZ, span = lqs_esrrf3d_span(radius),
            spanZ = lqs_esrrf3d_span(radiusZ);
  float rgc = 0, weights = 0;
  for (int j = -reach; j <= (int)(radius + 1); ++j) {
    const float vy = yc + j;
    if (!(0 < vy && vy <= rows - 1)) continue;
    for (int i = -reach; i <= (int)(radius + 1); ++i) {
      const float vx = xc + i;
      if (!(0 < vx && vx <= cols - 1)) continue;
      LQS_CONSTANT float* entry = offsets + ((j + reach) * span + (i + reach)) * spanZ * LQS_ESRRF3D_FIELDS;
      for (int k = -reachZ; k <= (int)(radiusZ + 1); ++k, entry += LQS_ESRRF3D_FIELDS) {
        const float vz = zc + k, w = entry[0];
        if (w == 0 || !(0 < vz && vz <= slices - 1)) continue;
        const int at = (int)(vz * mz) * rowsM * colsM + (int)(mxy * vy) * colsM + (int)(mxy * vx);
        const float Gx = gx[at], Gy = gy[at], Gz = gz[at], dx = (float)i, dy = (float)j, dz = (float)k;
        weights += w;
        if (Gx * dx + Gy * dy + Gz * dz < 0) {
          const float cx = Gy * dz - Gz * dy, cy = Gz * dx - Gx * dz, cz = Gx * dy - Gy * dx;
          const float D = sqrt(cx * cx + cy * cy + cz * cz); /* the gradient has unit length */
          rgc += (1 - D / entry[1]) * w;
        }
      }
    }
  }
  if (weights == 0) return 0.0f;
  rgc /= weights;
  if (rgc < 0) return 0.0f;
  return sensitivity > 1 ? pow(rgc, sensitivity) : rgc;
}

#endif
