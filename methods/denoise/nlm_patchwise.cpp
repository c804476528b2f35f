// Patch-wise NLM: one search shift at a time over the whole frame. The patch distances of a shift
// come from a column sum of the shifted squared difference (for uniform weights a running one,
// updated by one row entering and one leaving) and a short row sum, so a shift costs
// O(pixels x patch) instead of the pixel-wise O(pixels x patch^2). Each shift pair (s, -s) is computed once
// and credited to both pixels, as scikit-image's integral-image variant does; every loop over columns is free
// of dependences so the compiler vectorises it.
#include <tbb/combinable.h>

#include <algorithm>
#include <bit>
#include <cmath>

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

// exp(-x) for x >= 0 from plain arithmetic (so the loops calling it vectorise): x log2(e) = n + f
// with n whole and |f| <= 1/2; 2^-f by its Taylor series in f ln 2 (truncation < 2e-7), 2^-n from
// the exponent bits. Below 2^-126 (x > 87.3) it returns 2^-126, a weight no sum can see beside the
// centre's 1.
inline float expNegative(float x) {
  const float scaled = x * 1.44269504f, y = scaled < 126.0f ? scaled : 126.0f;  // (std::min: no vectorising)
  const float whole = std::floor(y + 0.5f);    // (float(int(...)) does not vectorise either)
  const float t = (whole - y) * 0.693147181f;  // in [-0.35, 0.35]
  const float e =
      1.0f +
      t * (1.0f + t * (1.0f / 2 + t * (1.0f / 6 + t * (1.0f / 24 + t * (1.0f / 120 + t * (1.0f / 720))))));
  return e * std::bit_cast<float>((127 - int(whole)) << 23);
}

// exp(-x) for x in [0, 5] (the uniform filter's cut-off), cheaper: exp(-x/16) by its Taylor series
// (truncation < 3e-9 there), then squared four times.
inline float expNegativeBelowFive(float x) {
  const float t = -x * 0.0625f;
  float e =
      1.0f +
      t * (1.0f +
           t * (1.0f / 2 +
                t * (1.0f / 6 + t * (1.0f / 24 + t * (1.0f / 120 + t * (1.0f / 720 + t * (1.0f / 5040)))))));
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
// bandEnd), that the filter weighs: those with p or its partner in the unpadded frame (padded
// coordinates [pad, rows - pad) x [pad, cols - pad)), or with both there when it clips the search
// (gpu/kernels/nlm.h). The uniform filter's column sums run (one row enters, one leaves) and its
// cut-off allows a cheaper exp; the Gaussian filter's weighted sums are formed afresh for every row.
template <bool kUniform>
LQS_WIDE_VECTOR_CLONES void accumulateShift(const PaddedFrame& f, int pad, const LqsNlmPatch& patch, int dr,
                                            int dc, int bandBegin, int bandEnd, Accumulator& acc) {
  const int m = f.cols, first = patch.first, extent = patch.extent;
  const float* __restrict pixels = f.pixels.data();
  const float* __restrict g = patch.weights;
  const bool clip = patch.clip != 0;
  const int rowBegin = std::max(bandBegin, clip ? pad + std::max(-dr, 0) : pad - std::max(dr, 0));
  const int rowEnd = std::min(bandEnd, f.rows - pad - (clip ? std::max(dr, 0) : std::min(dr, 0)));
  if (rowBegin >= rowEnd) return;
  const int colBegin = clip ? pad : pad - dc, colEnd = clip ? m - pad - dc : m - pad,
            width = colEnd - colBegin;
  if (width <= 0) return;
  const int sumBegin = colBegin + first,
            sumEnd = colEnd + first + std::max(extent - 1, 0);  // columns the row sums read
  const float variance2 = patch.variance2, scale = patch.scale, alpha = dc == 0 ? 0.5f : 1.0f,
              cutoff = patch.cutoff;
  const auto addTerms = [&](int row, float factor, float* __restrict column) {
    const float* __restrict p = pixels + std::size_t(row) * m;
    const float* __restrict q = pixels + std::size_t(row + dr) * m + dc;
    for (int c = sumBegin; c < sumEnd; ++c) {
      const float diff = p[c] - q[c];
      column[c] += factor * (diff * diff - variance2);
    }
  };
  float* __restrict column = acc.column.data();  // weighted sum over the patch rows of the terms
  if constexpr (kUniform) {
    std::fill(acc.column.begin(), acc.column.end(), 0.0f);
    for (int a = 0; a < extent; ++a) addTerms(rowBegin + first + a, 1.0f, column);
  }
  float* __restrict distance = acc.distance.data();
  float* __restrict w = acc.shiftWeight.data();
  float* __restrict weight = acc.weight.data();
  float* __restrict sum = acc.sum.data();
  for (int r = rowBegin; r < rowEnd; ++r) {
    if constexpr (kUniform) {
      if (r > rowBegin && extent > 0) {
        addTerms(r + first + extent - 1, 1.0f, column);
        addTerms(r + first - 1, -1.0f, column);
      }
    } else {
      std::fill(acc.column.begin(), acc.column.end(), 0.0f);
      for (int a = 0; a < extent; ++a) addTerms(r + first + a, g[a], column);
    }
    for (int c = 0; c < width; ++c) distance[c] = 0.0f;
    for (int b = 0; b < extent; ++b) {
      const float gb = kUniform ? 1.0f : g[b];  // a constant 1 spares the uniform loop its aliasing checks
      for (int c = 0; c < width; ++c) distance[c] += gb * column[colBegin + c + first + b];
    }
    for (int c = 0; c < width; ++c) {
      // Branch-free (both sides computed, then selected) so the loop vectorises.
      const float d = (distance[c] > 0.0f ? distance[c] : 0.0f) * scale;
      const float e = alpha * (kUniform ? expNegativeBelowFive(d < cutoff ? d : cutoff) : expNegative(d));
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
  const int shiftRows = 2 * s.distance() + 1, shifts = shiftRows * (s.distance() + 1);
  // Bands of rows, each taking every shift: the accumulator rows a band touches (the band and
  // `distance` rows either side) stay in cache instead of streaming the whole frame per shift.
  const int firstRow = pad - s.distance(), lastRow = frame.rows - pad + s.distance();
  const int bands = (lastRow - firstRow + kBandRows - 1) / kBandRows;
  return denoiseFrames(c, [&](const std::vector<float>& padded, float* dst) {
    frame.pixels = padded;
    tbb::combinable<Accumulator> partial([&] { return Accumulator(padSize, std::size_t(frame.cols)); });
    forRange(schedule, std::size_t(bands), [&](std::size_t begin, std::size_t end) {
      Accumulator& acc = partial.local();
      for (int band = int(begin); band < int(end); ++band) {
        const int bandBegin = firstRow + band * kBandRows, bandEnd = std::min(lastRow, bandBegin + kBandRows);
        for (int k = 0; k < shifts; ++k) {
          c.job.checkCancelled();  // a band takes seconds at large patches; a shift of it, milliseconds
          const int dr = k % shiftRows - s.distance(), dc = k / shiftRows;
          if (s.uniform)
            accumulateShift<true>(frame, pad, s.patch, dr, dc, bandBegin, bandEnd, acc);
          else
            accumulateShift<false>(frame, pad, s.patch, dr, dc, bandBegin, bandEnd, acc);
        }
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
