// Patch-wise NLM: one search shift at a time over the whole frame. The patch distances of a shift
// come from a running column sum of the shifted squared difference (updated by one row entering and
// one leaving) and a short row sum, so a shift costs O(pixels x patch) instead of the pixel-wise
// O(pixels x patch^2). Each shift pair (s, -s) is computed once and credited to both pixels, as
// scikit-image's integral-image variant does; every loop over columns is free of dependences so the
// compiler vectorises it.
#include <tbb/combinable.h>

#include <algorithm>

#include "gpu/kernels/nlm.h"
#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

namespace {

constexpr int kBandRows = 16;

struct PaddedFrame {
  std::vector<float> pixels;
  int rows, cols;  // padded size
};

// Single precision throughout the shift loop (twice the vector width of double); the running column
// sums restart at every band of kBandRows rows, so their rounding cannot drift far.
struct Accumulator {
  std::vector<float> sum, weight, column, distance, shiftWeight;
  Accumulator(std::size_t pixels, std::size_t cols)
      : sum(pixels, 0.0f), weight(pixels, 0.0f), column(cols), distance(cols), shiftWeight(cols) {}
};

// exp(-d) for d in [0, LQS_NLM_CUTOFF] from plain arithmetic (so loops calling it vectorise):
// exp(-d/16) by its Taylor series (truncation < 3e-9 there), then squared four times.
inline float expNegative(float d) {
  const float x = -d * 0.0625f;
  float e = 1.0f + x * (1.0f + x * (1.0f / 2 + x * (1.0f / 6 + x * (1.0f / 24 + x * (1.0f / 120 + x * (1.0f / 720 +
            x * (1.0f / 5040)))))));
  e *= e;
  e *= e;
  e *= e;
  return e * e;
}

// AVX2 doubles the vector width of every loop here; the clone is chosen at load time, so the
// binary still runs on x86-64 CPUs without it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LQS_WIDE_VECTOR_CLONES __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define LQS_WIDE_VECTOR_CLONES
#endif

// Adds to `acc` every pixel pair (p, p + (dr, dc)), dc >= 0, with p in padded rows [bandBegin,
// bandEnd), in which p or its partner is a pixel of the unpadded frame (padded coordinates
// [pad, rows - pad) x [pad, cols - pad)).
LQS_WIDE_VECTOR_CLONES void accumulateShift(const PaddedFrame& f, int pad, const NlmSettings& s, int dr, int dc,
                                            int bandBegin, int bandEnd, Accumulator& acc) {
  const int o = s.offset, m = f.cols;
  const float* __restrict pixels = f.pixels.data();
  const int rowBegin = std::max(bandBegin, pad - std::max(dr, 0));
  const int rowEnd = std::min(bandEnd, f.rows - pad - std::min(dr, 0));
  if (rowBegin >= rowEnd) return;
  const int colBegin = pad - dc, colEnd = m - pad, width = colEnd - colBegin;
  const int sumBegin = colBegin - o + 1, sumEnd = colEnd + o;  // columns the row sums read
  const float variance2 = s.variance2, inverseH2s2 = 1.0f / s.h2s2, alpha = dc == 0 ? 0.5f : 1.0f, cutoff = LQS_NLM_CUTOFF;
  const auto squaredDifferences = [&](int row, float sign, float* __restrict column) {
    const float* __restrict p = pixels + std::size_t(row) * m;
    const float* __restrict q = pixels + std::size_t(row + dr) * m + dc;
    for (int c = sumBegin; c < sumEnd; ++c) {
      const float diff = p[c] - q[c];
      column[c] += sign * (diff * diff - variance2);
    }
  };
  float* __restrict column = acc.column.data();  // sum over rows (r - o, r + o] of the squared difference
  std::fill(acc.column.begin(), acc.column.end(), 0.0f);
  for (int a = rowBegin - o + 1; a <= rowBegin + o; ++a) squaredDifferences(a, 1.0f, column);
  float* __restrict distance = acc.distance.data();
  float* __restrict w = acc.shiftWeight.data();
  float* __restrict weight = acc.weight.data();
  float* __restrict sum = acc.sum.data();
  for (int r = rowBegin; r < rowEnd; ++r) {
    if (r > rowBegin) {
      squaredDifferences(r + o, 1.0f, column);
      squaredDifferences(r - o, -1.0f, column);
    }
    for (int c = 0; c < width; ++c) distance[c] = 0.0f;
    for (int b = 1 - o; b <= o; ++b)
      for (int c = 0; c < width; ++c) distance[c] += column[colBegin + c + b];
    for (int c = 0; c < width; ++c) {
      // Branch-free (both sides computed, then selected) so the loop vectorises.
      const float positive = distance[c] > 0.0f ? distance[c] : 0.0f, d = positive * inverseH2s2;
      const float e = alpha * expNegative(d < cutoff ? d : cutoff);
      w[c] = d > cutoff ? 0.0f : e;
    }
    const std::size_t here = std::size_t(r) * m + colBegin, there = std::size_t(r + dr) * m + colBegin + dc;
    for (int c = 0; c < width; ++c) {
      weight[here + c] += w[c];
      sum[here + c] += w[c] * pixels[there + c];
    }
    for (int c = 0; c < width; ++c) {
      weight[there + c] += w[c];
      sum[there + c] += w[c] * pixels[here + c];
    }
  }
}

}  // namespace

Result runNlmPatchwise(const RunContext& c, CpuSchedule schedule) {
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(c.stack(0).rows()), cols = int(c.stack(0).cols()), pad = s.pad();
  PaddedFrame frame{{}, rows + 2 * pad, cols + 2 * pad};
  const std::size_t padSize = std::size_t(frame.rows) * frame.cols;
  const int shiftRows = 2 * s.distance + 1, shifts = shiftRows * (s.distance + 1);
  // Bands of rows, each taking every shift: the accumulator rows a band touches (the band and
  // `distance` rows either side) stay in cache instead of streaming the whole frame per shift.
  const int firstRow = pad - s.distance, lastRow = frame.rows - pad + s.distance;
  const int bands = (lastRow - firstRow + kBandRows - 1) / kBandRows;
  return denoiseFrames(c, [&](const std::vector<float>& padded, float* dst) {
    frame.pixels = padded;
    tbb::combinable<Accumulator> partial([&] { return Accumulator(padSize, std::size_t(frame.cols)); });
    forRange(schedule, std::size_t(bands), [&](std::size_t begin, std::size_t end) {
      Accumulator& acc = partial.local();
      for (int band = int(begin); band < int(end); ++band) {
        const int bandBegin = firstRow + band * kBandRows, bandEnd = std::min(lastRow, bandBegin + kBandRows);
        for (int k = 0; k < shifts; ++k)
          accumulateShift(frame, pad, s, k % shiftRows - s.distance, k / shiftRows, bandBegin, bandEnd, acc);
      }
    });
    std::vector<double> sum(padSize, 0.0), weight(padSize, 0.0);
    partial.combine_each([&](const Accumulator& acc) {
      for (std::size_t i = 0; i < padSize; ++i) {
        sum[i] += acc.sum[i];
        weight[i] += acc.weight[i];
      }
    });
    for (int r = 0; r < rows; ++r)
      for (int col = 0; col < cols; ++col) {
        const std::size_t at = std::size_t(r + pad) * frame.cols + col + pad;
        dst[r * cols + col] = float(sum[at] / weight[at]);
      }
  });
}

}  // namespace lqs
