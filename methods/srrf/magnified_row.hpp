#pragma once
// Catmull-Rom samples along one row of the magnified grid, for the vectorised rows of eSRRF and
// SRRF (cpu:simd): the output pixels of one sub-position sx (cM = sx + mag q) share their row and
// column weights, their taps moving by one input pixel per q, so they are sums over shifted rows of
// the image with the same weights, the same sums in the same order as lqs_sample.
#include <utility>

#include "gpu/kernels/interpolation.h"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
// Compiled for AVX-512, AVX2 and baseline x86-64; the processor's best chosen at start-up.
#define LQS_SIMD_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define LQS_SIMD_CLONES
#endif

namespace lqs {

// Catmull-Rom taps along one axis at coordinate x: the first input index and the four weights.
struct Taps {
  int first;
  lqs_acc weight[4];
};
Taps catmullRomTaps(float x);

// The q in [lo, hi) whose four column taps, starting at `first` + q, lie inside [0, cols).
std::pair<int, int> tapsInside(int first, int cols, int lo, int hi);

// out[q - lo] = lqs_sample(image, row, x0 + q, LQS_CATMULL_ROM) for q in [lo, hi), every column tap
// inside the image (tapsInside). `rowTaps` at row, `colTaps` at x0.
void catmullRomAlongRow(const float* image, int rows, int cols, const Taps& rowTaps, const Taps& colTaps,
                        int lo, int hi, float* out);

// values[q] times the Catmull-Rom magnified intensity at output pixel (rM, sx + mag q) for q in
// [qLo, qHi) (lqs_esrrf_intensity); `rowTaps` at rM / mag. Pixels whose taps leave the image take
// the per-pixel sampler.
void weightByIntensity(const float* frame, int rows, int cols, int mag, int rM, int sx, const Taps& rowTaps,
                       int qLo, int qHi, float* values);

}  // namespace lqs
