#include "methods/srrf/magnified_row.hpp"

#include <algorithm>
#include <vector>

#include "gpu/kernels/rgc.h"

namespace lqs {

Taps catmullRomTaps(float x) {
  Taps t{lqs_tap_first(LQS_CATMULL_ROM, x), {}};
  for (int j = 0; j < 4; ++j)
    t.weight[j] = lqs_tap_weight(LQS_CATMULL_ROM, (lqs_acc)x - ((lqs_acc)(t.first + j) + 0.5));
  return t;
}

std::pair<int, int> tapsInside(int first, int cols, int lo, int hi) {
  return {std::max(lo, -first), std::min(hi, cols - 3 - first)};
}

LQS_SIMD_CLONES
void catmullRomAlongRow(const float* image, int rows, int cols, const Taps& rowTaps, const Taps& colTaps,
                        int lo, int hi, float* out) {
  std::vector<lqs_acc> sum(std::size_t(std::max(0, hi - lo)), 0.0);
  for (int j = 0; j < 4; ++j) {
    const float* base = image + colTaps.first + j + lo;
    for (int q = 0; q < hi - lo; ++q) {
      lqs_acc column = 0;
      for (int i = 0; i < 4; ++i) {
        const int r = rowTaps.first + i;
        if (r >= 0 && r < rows)
          column += base[std::ptrdiff_t(r) * cols + q] * rowTaps.weight[i];  // as the sampler skips
      }
      sum[q] += column * colTaps.weight[j];
    }
  }
  for (int q = 0; q < hi - lo; ++q) out[q] = float(sum[q]);
}

void weightByIntensity(const float* frame, int rows, int cols, int mag, int rM, int sx, const Taps& rowTaps,
                       int qLo, int qHi, float* values) {
  const Taps colTaps = catmullRomTaps(float(sx) / float(mag));  // at q = 0
  const auto [inLo, inHi] = tapsInside(colTaps.first, cols, qLo, qHi);
  for (int q = qLo; q < qHi; ++q)
    if (q < inLo || q >= inHi) values[q] *= lqs_esrrf_intensity(frame, rows, cols, mag, rM, sx + mag * q);
  if (inLo >= inHi) return;
  std::vector<float> intensity(std::size_t(inHi - inLo));
  catmullRomAlongRow(frame, rows, cols, rowTaps, colTaps, inLo, inHi, intensity.data());
  for (int q = inLo; q < inHi; ++q) values[q] *= intensity[q - inLo];
}

}  // namespace lqs
