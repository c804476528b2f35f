#include "methods/srrf/esrrf_row_simd.hpp"

#include <algorithm>
#include <vector>

#include "gpu/kernels/rgc.h"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define LQS_SIMD_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define LQS_SIMD_CLONES
#endif

namespace lqs {

namespace {

// Catmull-Rom taps along one axis at coordinate x: the first input index and the four weights.
struct Taps {
  int first;
  lqs_acc weight[4];
};

Taps catmullRomTaps(float x) {
  Taps t{lqs_tap_first(LQS_CATMULL_ROM, x), {}};
  for (int j = 0; j < 4; ++j)
    t.weight[j] = lqs_tap_weight(LQS_CATMULL_ROM, (lqs_acc)x - ((lqs_acc)(t.first + j) + 0.5));
  return t;
}

// The q in [lo, hi) whose four column taps, starting at `first` + q, lie inside [0, cols).
std::pair<int, int> tapsInside(int first, int cols, int lo, int hi) {
  return {std::max(lo, -first), std::min(hi, cols - 3 - first)};
}

// out[q - lo] = lqs_sample(image, row, x0 + q, LQS_CATMULL_ROM) for q in [lo, hi), every column tap
// inside the image (tapsInside): the sums of lqs_sample_separable in its order, with the weights of
// the row and of the column phase x0 computed once. `rowTaps` at row, `colTaps` at x0.
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

// values[q] times the Catmull-Rom magnified intensity at output pixel (rM, sx + mag q)
// (lqs_esrrf_intensity): the pixels of one sub-position share their column weights, their taps
// moving by one input pixel per q. Pixels whose taps leave the image take the per-pixel sampler.
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

}  // namespace

void latticeRowSimd(const float* gradCol, const float* gradRow, int rows, int cols, int mag, int a, float* nx,
                    float* ny) {
  const Taps rowTaps = catmullRomTaps(lqs_lattice_coordinate(a, rows, mag));
  std::vector<float> sampledCol(std::size_t(cols) + 1), sampledRow(sampledCol.size());
  // lattice column b = 2q + phase sits at raw column q + phase / 2; the last one (2 cols) is the edge sample
  for (int phase = 0; phase < 2; ++phase) {
    const Taps colTaps = catmullRomTaps(lqs_lattice_coordinate(phase, cols, mag));
    const int points = phase == 0 ? cols + 1 : cols;
    const auto [inLo, inHi] = tapsInside(colTaps.first, cols, 0, std::min(points, cols));
    for (int q = 0; q < points; ++q)
      if (q < inLo || q >= inHi)
        lqs_lattice_gradient(gradCol, gradRow, rows, cols, mag, a, 2 * q + phase, &nx[2 * q + phase],
                             &ny[2 * q + phase]);
    if (inLo >= inHi) continue;
    catmullRomAlongRow(gradCol, rows, cols, rowTaps, colTaps, inLo, inHi, sampledCol.data());
    catmullRomAlongRow(gradRow, rows, cols, rowTaps, colTaps, inLo, inHi, sampledRow.data());
    for (int q = inLo; q < inHi; ++q)
      lqs_unit_gradient(sampledCol[q - inLo], sampledRow[q - inLo], &nx[2 * q + phase], &ny[2 * q + phase]);
  }
}

LQS_SIMD_CLONES
void esrrfRowSimd(const float* frame, int rows, int cols, const float* nx, const float* ny,
                  const EsrrfSettings& s, const RgcTable& t, int rM, float* out) {
  const int mag = s.magnification, rowsM = rows * mag, colsM = cols * mag, latticeCols = 2 * cols + 1;
  const int maxA = 2 * (rowsM - 1), maxB = 2 * (colsM - 1), reach = t.latticeRowOf[mag];
  const int sy = rM % mag, ay = 2 * (rM / mag) + t.latticeRowOf[sy];
  const int weighting = s.intensityWeighting ? 1 : 0;
  std::vector<float> sums(cols);
  const Taps rowTaps = catmullRomTaps(float(rM) / float(mag));
  for (int sx = 0; sx < mag; ++sx) {
    const int sub = sy * mag + sx, ax0 = t.latticeRowOf[sx];
    // the pixels q with every neighbour inside (lqs_rgc_inside) and outside the margin: one interval
    int qLo = cols, qHi = 0;
    for (int q = 0; q < cols; ++q) {
      const int cM = sx + mag * q;
      if (!lqs_esrrf_in_margin(rM, cM, rowsM, colsM, t.margin) &&
          lqs_rgc_inside(ay, ax0 + 2 * q, reach, maxA, maxB, rows, cols))
        qLo = std::min(qLo, q), qHi = q + 1;
    }
    for (int q = 0; q < cols; ++q)
      if (q < qLo || q >= qHi)
        out[sx + mag * q] =
            lqs_esrrf_pixel(frame, rows, cols, nx, ny, mag, t.entries.data(), t.first.data(), t.count.data(),
                            t.latticeRowOf.data(), t.margin, s.sensitivity, weighting, rM, sx + mag * q);
    if (qLo >= qHi) continue;
    std::fill(sums.begin() + qLo, sums.begin() + qHi, 0.0f);
    float weights = 0;
    const float* entries = t.entries.data() + std::size_t(t.first[sub]) * LQS_RGC_FIELDS;
    for (int k = 0; k < t.count[sub]; ++k) {
      const float* e = entries + k * LQS_RGC_FIELDS;
      weights += e[4];
      const std::ptrdiff_t at = std::ptrdiff_t(ay + int(e[0])) * latticeCols + ax0 + int(e[1]);
      const float *px = nx + at, *py = ny + at, dx = e[2], dy = e[3], w = e[4], wOverD = e[5];
      for (int q = qLo; q < qHi; ++q) sums[q] += lqs_rgc_term(px[2 * q], py[2 * q], dx, dy, w, wOverD);
    }
    for (int q = qLo; q < qHi; ++q) sums[q] = lqs_rgc_finish(sums[q], weights, s.sensitivity);
    if (weighting) weightByIntensity(frame, rows, cols, mag, rM, sx, rowTaps, qLo, qHi, sums.data());
    for (int q = qLo; q < qHi; ++q) out[sx + mag * q] = sums[q];
  }
}

}  // namespace lqs
