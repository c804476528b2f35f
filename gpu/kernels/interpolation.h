/* Point samplers shared by every back end. Convention (NanoPyx): pixel k's centre is at k + 0.5;
 * a query outside [0, rows) x [0, cols) is 0; taps outside the image are skipped. Catmull-Rom and
 * nearest do not renormalise at the border, bicubic and Lanczos divide by the weights present.
 * Weights accumulate in double where the device has it (NanoPyx does), otherwise in float. */
#ifndef LQS_INTERPOLATION_H
#define LQS_INTERPOLATION_H
#include "kernel_common.h"

#if defined(LQS_OPENCL) && !defined(LQS_HAS_DOUBLE)
typedef float lqs_acc;
#else
typedef double lqs_acc;
#endif

enum { LQS_NEAREST = 0, LQS_BILINEAR = 1, LQS_BICUBIC = 2, LQS_CATMULL_ROM = 3, LQS_LANCZOS = 4 };

LQS_FN lqs_acc lqs_catmull_rom_weight(lqs_acc v) {
  const lqs_acc a = fabs(v);
  if (a < 1) return a * a * (1.5 * a - 2.5) + 1;
  if (a < 2) return a * (a * (-0.5 * a + 2.5) - 4) + 2;
  return 0;
}

LQS_FN lqs_acc lqs_lanczos_weight(lqs_acc v) {
  const lqs_acc taps = 4;
  if (v == 0) return 1;
  if (fabs(v) >= taps) return 0;
  const lqs_acc pv = (lqs_acc)3.14159265358979323846 * v;
  return taps * sin(pv) * sin(pv / taps) / (pv * pv);
}

LQS_FN float lqs_sample_nearest(LQS_CONSTANT float* img, float row, float col, int rows, int cols) {
  const int r = (int)row, c = (int)col; /* truncation toward zero, as the original */
  if (r < 0 || r >= rows || c < 0 || c >= cols) return 0.0f;
  return img[r * cols + c];
}

LQS_FN lqs_acc lqs_tap_weight(int kind, lqs_acc v) {
  if (kind == LQS_NEAREST) return 1;
  if (kind == LQS_BILINEAR) return 1 - fabs(v);
  if (kind == LQS_LANCZOS) return lqs_lanczos_weight(v);
  return lqs_catmull_rom_weight(v);
}

/* Taps along one axis at coordinate x: input indices lqs_tap_first .. + lqs_tap_count - 1. */
LQS_FN int lqs_tap_count(int kind) {
  return kind == LQS_NEAREST ? 1 : kind == LQS_BILINEAR ? 2 : kind == LQS_LANCZOS ? 5 : 4;
}
LQS_FN int lqs_tap_first(int kind, float x) {
  if (kind == LQS_NEAREST) return (int)x; /* truncation toward zero, as the original */
  const int nearestBelow = (int)floor(x - 0.5f);
  return nearestBelow + (kind == LQS_BILINEAR ? 0 : kind == LQS_LANCZOS ? -2 : -1);
}
/* Bicubic and Lanczos divide by the weights of the taps inside the image; the others do not. */
LQS_FN int lqs_tap_normalised(int kind) { return kind == LQS_BICUBIC || kind == LQS_LANCZOS; }

/* Separable sampler over the taps of each axis; kind selects the weight. */
LQS_FN float lqs_sample_separable(LQS_CONSTANT float* img, float row, float col, int rows, int cols, int kind) {
  if (row < 0 || row >= rows || col < 0 || col >= cols) return 0.0f;
  const int r0 = lqs_tap_first(kind, row), c0 = lqs_tap_first(kind, col), count = lqs_tap_count(kind);
  lqs_acc sum = 0, weights = 0;
  for (int j = 0; j < count; ++j) {
    const int c = c0 + j;
    if (c < 0 || c >= cols) continue;
    const lqs_acc wc = lqs_tap_weight(kind, (lqs_acc)col - ((lqs_acc)c + 0.5));
    lqs_acc column = 0, columnWeights = 0;
    for (int i = 0; i < count; ++i) {
      const int r = r0 + i;
      if (r < 0 || r >= rows) continue;
      const lqs_acc wr = lqs_tap_weight(kind, (lqs_acc)row - ((lqs_acc)r + 0.5));
      column += img[r * cols + c] * wr;
      columnWeights += wr;
    }
    sum += column * wc;
    weights += columnWeights * wc;
  }
  if (lqs_tap_normalised(kind)) return weights != 0 ? (float)(sum / weights) : 0.0f;
  return (float)sum;
}

/* lqs_sample_separable of a kind that does not renormalise, with each axis's taps computed
 * beforehand (methods/interpolation/separable_resample: first tap index, weights, taps outside the
 * image weighing 0): the same sums in the same order, without evaluating a weight. Column tap j's
 * weight is colWeight[j * colStride]. */
LQS_FN float lqs_sample_taps(LQS_CONSTANT float* img, int cols, int rowFirst, const lqs_acc* rowWeight, int colFirst,
                             const lqs_acc* colWeight, int colStride, int count) {
  lqs_acc sum = 0;
  for (int j = 0; j < count; ++j) {
    lqs_acc column = 0;
    for (int i = 0; i < count; ++i) column += img[(rowFirst + i) * cols + colFirst + j] * rowWeight[i];
    sum += column * colWeight[j * colStride];
  }
  return (float)sum;
}

LQS_FN float lqs_sample(LQS_CONSTANT float* img, float row, float col, int rows, int cols, int kind) {
  if (kind == LQS_NEAREST) return lqs_sample_nearest(img, row, col, rows, cols);
  return lqs_sample_separable(img, row, col, rows, cols, kind);
}

/* shift-scale-rotate's inverse map about (centreRow, centreCol): output pixel (i, j) reads input
 * (c x + d y + centreRow, a x + b y + centreCol) with x = j - centreCol - shiftCol and
 * y = i - centreRow - shiftRow (methods/interpolation/register.cpp gives a, b, c, d). */
LQS_FN float lqs_shift_scale_rotate_pixel(LQS_CONSTANT float* img, int rows, int cols, int i, int j, float a,
                                          float b, float c, float d, float centreRow, float centreCol,
                                          float shiftRow, float shiftCol, int kind) {
  const float x = (float)j - centreCol - shiftCol, y = (float)i - centreRow - shiftRow;
  return lqs_sample(img, c * x + d * y + centreRow, a * x + b * y + centreCol, rows, cols, kind);
}

#endif
