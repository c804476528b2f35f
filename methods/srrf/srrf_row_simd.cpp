#include "methods/srrf/srrf_row_simd.hpp"

#include <algorithm>
#include <cmath>

#include "gpu/kernels/gradients.h"
#include "gpu/kernels/srrf_radiality.h"
#include "methods/srrf/magnified_row.hpp"

namespace lqs {

namespace {

// One ring point of a sub-position, as every pixel of that sub-position in a row sees it.
struct RingPoint {
  const float* e;                                 // lqs_ring_taps entry
  float ringCol, ringRow, ringRadius, rowOffset;  // rowOffset: yc - y0, the same for the whole row
  float magnification, cols;
  int sx, mag;
  // the general sampler's row taps, the same for the whole row (lqs_sample_separable)
  int sampleRow;
  lqs_acc rowWeight[4];
};

// divergence[q] += the ring point's term for q in [qLo, qHi), every tap inside the image: the
// tabled weights, as lqs_ring_term. `gc`, `gr` point at the first tap of q = 0.
LQS_SIMD_CLONES
void addTabledTerms(const float* __restrict gc, const float* __restrict gr, int stride, const RingPoint& k,
                    int qLo, int qHi, float* __restrict divergence) {
  float e[LQS_RING_FIELDS];  // a copy the stores to divergence cannot alias
  std::copy(k.e, k.e + LQS_RING_FIELDS, e);
  const float ringCol = k.ringCol, ringRow = k.ringRow, ringRadius = k.ringRadius, rowOffset = k.rowOffset;
  for (int q = qLo; q < qHi; ++q) {
    float vGx, vGy;
    lqs_ring_gradient_tabled(gc + q, gr + q, stride, 0, 0, e, &vGx, &vGy);
    const float xc = float(k.sx + k.mag * q) + 0.5f, x0 = xc + ringCol;
    divergence[q] += lqs_ring_convergence(vGx, vGy, xc - x0, rowOffset, ringCol, ringRow, ringRadius);
  }
}

// The same for ring points whose taps leave the image: the general sampler's sums (weights from
// each pixel's own coordinate, in double, the taps outside reading the zero border), so that a
// gradient the sampler finds exactly zero stays zero. `gc`, `gr` point at image pixel (0, 0).
LQS_SIMD_CLONES
void addSampledTerms(const float* __restrict gc, const float* __restrict gr, int stride, const RingPoint& k,
                     int qLo, int qHi, float* __restrict divergence) {
  const float ringCol = k.ringCol, ringRow = k.ringRow, ringRadius = k.ringRadius, rowOffset = k.rowOffset;
  const float m = k.magnification, cols = k.cols;
  lqs_acc wr[4];
  std::copy(k.rowWeight, k.rowWeight + 4, wr);
  for (int q = qLo; q < qHi; ++q) {
    const float xc = float(k.sx + k.mag * q) + 0.5f, x0 = xc + ringCol, column = x0 / m;
    const bool inside = column >= 0.0f && column < cols;
    const float at = inside ? column : 0.0f;  // any tap index inside the border will do
    const int c0 = lqs_tap_first(LQS_CATMULL_ROM, at);
    lqs_acc wc[4];
    for (int j = 0; j < 4; ++j) wc[j] = lqs_catmull_rom_weight((lqs_acc)at - ((lqs_acc)(c0 + j) + 0.5));
    // sampled everywhere and then chosen, so that the loop vectorises
    const float sampledX = lqs_sample_taps(gc, stride, k.sampleRow, wr, c0, wc, 1, 4);
    const float sampledY = lqs_sample_taps(gr, stride, k.sampleRow, wr, c0, wc, 1, 4);
    const float vGx = inside ? sampledX : 0.0f, vGy = inside ? sampledY : 0.0f;
    divergence[q] += lqs_ring_convergence(vGx, vGy, xc - x0, rowOffset, ringCol, ringRow, ringRadius);
  }
}

}  // namespace

void padGradients(const float* frame, int rows, int cols, int pad, PaddedGradients& g) {
  g.pad = pad;
  g.stride = cols + 2 * pad;
  const std::size_t size = std::size_t(rows + 2 * pad) * std::size_t(g.stride);
  g.col.assign(size, 0.0f);
  g.row.assign(size, 0.0f);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const std::size_t at = std::size_t(r + pad) * g.stride + std::size_t(c + pad);
      lqs_central_difference(frame, rows, cols, r, c, &g.col[at], &g.row[at]);
    }
}

void srrfRowSimd(const float* frame, const PaddedGradients& g, int rows, int cols, const SrrfSettings& s,
                 int rM, float* out) {
  const int mag = s.magnification, p = rM / mag, sy = rM % mag, low = (1 + s.border) * mag;
  const int highCol = (cols - 1 - s.border) * mag;
  std::fill(out, out + std::size_t(cols) * mag, 0.0f);  // outside the border window
  if (rM < low || rM >= (rows - 1 - s.border) * mag) return;
  const float yc = float(rM) + 0.5f, m = float(mag);
  const Taps rowTaps = catmullRomTaps(float(rM) / m);
  const std::ptrdiff_t origin = std::ptrdiff_t(g.pad) * g.stride + g.pad;  // image pixel (0, 0)
  const float *gc = g.col.data() + origin, *gr = g.row.data() + origin;
  std::vector<float> divergence(static_cast<std::size_t>(cols));
  for (int sx = 0; sx < mag; ++sx) {
    // the pixels cM = sx + mag q inside the window [low, highCol)
    const int qLo = (low - sx + mag - 1) / mag, qHi = std::max(0, (highCol - sx + mag - 1) / mag);
    if (qLo >= qHi) continue;
    const float* taps = s.taps.data() + std::size_t((sy * mag + sx) * LQS_RING * LQS_RING_FIELDS);
    std::fill(divergence.begin() + qLo, divergence.begin() + qHi, 0.0f);
    for (int k = 0; k < LQS_RING; ++k) {
      const float* e = taps + k * LQS_RING_FIELDS;
      const float y0 = yc + s.ringRow[k], row = y0 / m;
      if (row < 0.0f || row >= float(rows)) continue;  // the sampler's 0: the term adds 0 to every pixel
      RingPoint point{e, s.ringCol[k], s.ringRow[k], s.ringRadius, yc - y0, m, float(cols), sx, mag, 0, {}};
      const Taps sampleRow = catmullRomTaps(row);
      point.sampleRow = sampleRow.first;
      std::copy(sampleRow.weight, sampleRow.weight + 4, point.rowWeight);
      // lqs_ring_term's choice: the tabled taps where all 16 lie inside
      const int r0 = p + int(e[0]), c0 = int(e[1]);
      auto [inLo, inHi] = tapsInside(c0, cols, qLo, qHi);
      if (r0 < 0 || r0 + 3 >= rows || inLo >= inHi) inLo = inHi = qHi;
      addSampledTerms(gc, gr, g.stride, point, qLo, inLo, divergence.data());
      if (inLo < inHi) {
        const std::ptrdiff_t first = std::ptrdiff_t(r0) * g.stride + c0;
        addTabledTerms(gc + first, gr + first, g.stride, point, inLo, inHi, divergence.data());
      }
      addSampledTerms(gc, gr, g.stride, point, inHi, qHi, divergence.data());
    }
    for (int q = qLo; q < qHi; ++q) divergence[q] = lqs_radiality_of(divergence[q], s.positive ? 1 : 0);
    if (s.intensityWeighting)
      weightByIntensity(frame, rows, cols, mag, rM, sx, rowTaps, qLo, qHi, divergence.data());
    for (int q = qLo; q < qHi; ++q) out[sx + mag * q] = divergence[q];
  }
}

}  // namespace lqs
