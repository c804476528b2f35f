#include "methods/srrf/esrrf_row_simd.hpp"

#include <algorithm>
#include <vector>

#include "gpu/kernels/rgc.h"
#include "methods/srrf/magnified_row.hpp"

namespace lqs {

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
