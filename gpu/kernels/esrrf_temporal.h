/* eSRRF temporal correlations as per-pixel running sums, so a time point of any length is reduced
 * frame by frame on any back end: AVG (mean), VAR (population variance), TAC2 (lag-1
 * auto-covariance about the time point's mean, divided by T - 1). Sums in double where available. */
#ifndef LQS_ESRRF_TEMPORAL_H
#define LQS_ESRRF_TEMPORAL_H
#include "interpolation.h"
#include "kernel_common.h"

enum { LQS_TEMPORAL_AVG = 0, LQS_TEMPORAL_VAR = 1, LQS_TEMPORAL_TAC2 = 2 };

/* One pixel's running state; `first`/`previous` are only used by TAC2. */
typedef struct {
  lqs_acc sum, squares, lags;
  float first, previous;
} lqs_temporal_state;

/* Adds value x of frame number `frame` (0-based within the time point). */
LQS_FN void lqs_temporal_add(lqs_temporal_state* s, int mode, int frame, float x) {
  if (frame == 0) {
    s->sum = 0;
    s->squares = 0;
    s->lags = 0;
    s->first = x;
  } else if (mode == LQS_TEMPORAL_TAC2) {
    s->lags += (lqs_acc)s->previous * x;
  }
  s->sum += x;
  if (mode == LQS_TEMPORAL_VAR) s->squares += (lqs_acc)x * x;
  s->previous = x;
}

/* The reduced value after `frames` frames (TAC2 needs at least 2; callers refuse fewer). */
LQS_FN float lqs_temporal_result(const lqs_temporal_state* s, int mode, int frames) {
  const lqs_acc T = (lqs_acc)frames, mean = s->sum / T;
  if (mode == LQS_TEMPORAL_AVG) return (float)mean;
  if (mode == LQS_TEMPORAL_VAR) {
    const lqs_acc variance = s->squares / T - mean * mean;
    return variance > 0 ? (float)variance : 0.0f;
  }
  /* sum_t (x_t - m)(x_{t+1} - m) = sum x_t x_{t+1} - m (2S - x_first - x_last) + (T - 1) m^2 */
  return (float)((s->lags - mean * (2 * s->sum - s->first - s->previous) + (T - 1) * mean * mean) / (T - 1));
}

#endif
