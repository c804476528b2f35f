/* Non-local means, both of NanoPyx's filters (docs/nlm.md has the formulas and where each comes from).
 * For every search shift s the patch distance of pixel u is
 *   d(u, s) = sum over a, b in [first, first + extent) of
 *             g[a] g[b] ((P[u + (a, b)] - P[u + s + (a, b)])^2 - 2 sigma^2),
 * scaled by `scale` and clipped at 0; the shift weighs exp(-scale d), or 0 above `cutoff`.
 *  - uniform (NanoPyx's unthreaded run, scikit-image's fast mode): g = 1 over (u - o, u + o], scale
 *    1 / (patch^2 h^2), cut-off 5; every shift of the window counts, mirrored past the frame's edge.
 *  - gaussian (NanoPyx's threaded and OpenCL runs): g[k] = exp(-k^2 / (2 A^2)), A = (patch - 1) / 4,
 *    over [u - o, u + o], scale 1 / ((sum g)^2 h^2), no cut-off; only shifts landing in the frame count.
 * `padded` is the frame mirrored by pad = o + distance + 1 on each side; coordinates below are output
 * coordinates unless named padded. */
#ifndef LQS_NLM_H
#define LQS_NLM_H
#include "kernel_common.h"

#define LQS_NLM_MAX_EXTENT 51 /* patch_size is at most 51 (methods/denoise/nlm_setup.cpp) */

/* One filter's patch, passed by value to every kernel (plain 4-byte fields: the same layout in C++,
 * CUDA and OpenCL C). */
typedef struct {
  int first, extent; /* patch rows (and columns) first .. first + extent - 1 around the pixel */
  int distance;      /* search half-width */
  int clip;          /* 1: only shifts whose partner pixel lies in the frame */
  float scale;       /* multiplies a weighted patch distance */
  float variance2;   /* 2 sigma^2 */
  float cutoff;      /* scaled distances above it weigh 0 */
  float weights[LQS_NLM_MAX_EXTENT]; /* g[first + k] = weights[k] */
} LqsNlmPatch;

/* One term of a patch distance: the squared difference of a pixel and its shifted partner, less the
 * noise's share. */
LQS_FN float lqs_nlm_term(float p, float q, float variance2) {
  const float diff = p - q;
  return diff * diff - variance2;
}

/* The weight of a weighted patch distance d: exp(-scale max(d, 0)), 0 past the cut-off. Never 0
 * before the cut-off of the uniform filter (exp(-5) > 0); the Gaussian one may underflow to 0, which
 * adds nothing either way, so callers may skip the shifts weighing 0. */
LQS_FN float lqs_nlm_weight(float d, float scale, float cutoff) {
  const float s = (d > 0.0f ? d : 0.0f) * scale;
  return s > cutoff ? 0.0f : exp(-s);
}

/* The first and last shift along an axis for output coordinate `at` of `size`: the whole window, or
 * (clip) only the part whose partners lie in the frame. */
LQS_FN int lqs_nlm_first_shift(LqsNlmPatch p, int at) {
  return p.clip && at < p.distance ? -at : -p.distance;
}
LQS_FN int lqs_nlm_last_shift(LqsNlmPatch p, int at, int size) {
  return p.clip && size - 1 - at < p.distance ? size - 1 - at : p.distance;
}

/* Pixel-wise: output pixel (row, col) of a rows x cols frame, every shift's patch summed directly. */
LQS_FN float lqs_nlm_pixel(LQS_CONSTANT float* padded, int rows, int cols, int pad, int row, int col,
                           LqsNlmPatch p) {
  const int paddedCols = cols + 2 * pad;
  LQS_CONSTANT float* centre = padded + (row + pad) * paddedCols + col + pad;
  const int lastRow = lqs_nlm_last_shift(p, row, rows), lastCol = lqs_nlm_last_shift(p, col, cols);
  float sum = 0.0f, weightSum = 0.0f;
  for (int sr = lqs_nlm_first_shift(p, row); sr <= lastRow; ++sr) {
    for (int sc = lqs_nlm_first_shift(p, col); sc <= lastCol; ++sc) {
      float d = 0.0f;
      for (int a = 0; a < p.extent; ++a) {
        LQS_CONSTANT float* u = centre + (p.first + a) * paddedCols + p.first;
        LQS_CONSTANT float* v = u + sr * paddedCols + sc;
        float rowSum = 0.0f;
        for (int b = 0; b < p.extent; ++b) rowSum += p.weights[b] * lqs_nlm_term(u[b], v[b], p.variance2);
        d += p.weights[a] * rowSum;
      }
      const float w = lqs_nlm_weight(d, p.scale, p.cutoff);
      if (w == 0.0f) continue;
      weightSum += w;
      sum += w * centre[sr * paddedCols + sc];
    }
  }
  return sum / weightSum;
}

/* The patch-wise strategy on GPUs: one search shift (dr, dc) at a time over the whole frame, the
 * patch distance split into a column pass and a row pass (2 extent terms a pixel instead of
 * extent^2). Each pixel takes its own weight for every shift (no pairing of s and -s), so no two
 * work-items of a launch write the same place. Rows are output rows; columns padded columns.
 * (methods/denoise/nlm_cuda.cu forms the same sums a tile at a time, every shift in one launch.) */

/* The weighted sum over patch rows of the shifted term at padded column `col`. */
LQS_FN float lqs_nlm_shift_column(LQS_CONSTANT float* padded, int paddedCols, int pad, int row, int col,
                                  int dr, int dc, LqsNlmPatch p) {
  float d = 0.0f;
  for (int a = 0; a < p.extent; ++a) {
    const int at = row + pad + p.first + a;
    d += p.weights[a] *
         lqs_nlm_term(padded[at * paddedCols + col], padded[(at + dr) * paddedCols + col + dc], p.variance2);
  }
  return d;
}

/* Adds shift (dr, dc) to the weight and weighted sum of output pixel (row, col) of a rows x cols
 * frame from the column sums `columns` (one row of paddedCols an output row) that
 * lqs_nlm_shift_column gave for this shift. */
LQS_FN void lqs_nlm_shift_accumulate(LQS_CONSTANT float* padded, LQS_CONSTANT float* columns, int rows,
                                     int cols, int pad, int row, int col, int dr, int dc, LqsNlmPatch p,
                                     LQS_GLOBAL float* sum, LQS_GLOBAL float* weight, int at) {
  if (p.clip && (row + dr < 0 || row + dr >= rows || col + dc < 0 || col + dc >= cols)) return;
  const int paddedCols = cols + 2 * pad;
  float d = 0.0f;
  for (int b = 0; b < p.extent; ++b) d += p.weights[b] * columns[row * paddedCols + col + pad + p.first + b];
  const float w = lqs_nlm_weight(d, p.scale, p.cutoff);
  if (w == 0.0f) return;
  weight[at] += w;
  sum[at] += w * padded[(row + pad + dr) * paddedCols + col + pad + dc];
}

#endif
