// Patch-wise NLM: one search shift at a time over the whole frame, patch sums from an integral
// image of the shifted squared difference, so the cost does not grow with the patch size. Each
// shift pair (s, -s) is handled once and credited to both pixels, as scikit-image does.
#include <tbb/combinable.h>

#include <cmath>

#include "gpu/kernels/nlm.h"
#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

namespace {

struct Accumulator {
  std::vector<double> sum, weight, integral;
  explicit Accumulator(std::size_t pixels) : sum(pixels, 0.0), weight(pixels, 0.0), integral(pixels, 0.0) {}
};

// Adds shift (dr, dc), dc >= 0, to `acc` over the padded frame (n x m).
void accumulateShift(const std::vector<float>& padded, int n, int m, const NlmSettings& s, int dr, int dc,
                     Accumulator& acc) {
  std::vector<double>& I = acc.integral;
  const int o = s.offset;
  const int rowBegin = std::max(1, -dr), rowEnd = std::min(n, n - dr);
  for (int r = rowBegin; r < rowEnd; ++r)
    for (int c = 1; c < m - dc; ++c) {
      const double diff = double(padded[std::size_t(r) * m + c]) - padded[std::size_t(r + dr) * m + c + dc];
      I[std::size_t(r) * m + c] = diff * diff - s.variance2 + I[std::size_t(r - 1) * m + c] +
                                  I[std::size_t(r) * m + c - 1] - I[std::size_t(r - 1) * m + c - 1];
    }
  const double alpha = dc == 0 ? 0.5 : 1.0;
  const int first = std::max(o, o - dr), last = std::min(n - o, n - o - dr);
  for (int r = first; r < last; ++r)
    for (int c = o; c < m - o - dc; ++c) {
      double d = I[std::size_t(r + o) * m + c + o] + I[std::size_t(r - o) * m + c - o] -
                 I[std::size_t(r - o) * m + c + o] - I[std::size_t(r + o) * m + c - o];
      d = d > 0 ? d / s.h2s2 : 0.0;
      if (d > LQS_NLM_CUTOFF) continue;
      const double w = alpha * std::exp(-d);
      const std::size_t here = std::size_t(r) * m + c, there = std::size_t(r + dr) * m + c + dc;
      acc.weight[here] += w;
      acc.weight[there] += w;
      acc.sum[here] += w * padded[there];
      acc.sum[there] += w * padded[here];
    }
}

}  // namespace

Result runNlmPatchwise(const RunContext& c, CpuSchedule schedule) {
  const Stack& in = finiteInput(c);
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(in.rows()), cols = int(in.cols()), pad = s.pad(), n = rows + 2 * pad, m = cols + 2 * pad;
  const std::size_t padSize = std::size_t(n) * m;
  const int shiftRows = 2 * s.distance + 1, shifts = shiftRows * (s.distance + 1);
  Stack out(in.frames(), in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  for (std::size_t t = 0; t < in.frames(); ++t) {
    c.job.checkCancelled();
    const auto padded = reflectPad(in.frame(t), rows, cols, pad);
    tbb::combinable<Accumulator> partial([&] { return Accumulator(padSize); });
    forRange(schedule, std::size_t(shifts), [&](std::size_t begin, std::size_t end) {
      Accumulator& acc = partial.local();
      for (std::size_t k = begin; k < end; ++k)
        accumulateShift(padded, n, m, s, int(k) % shiftRows - s.distance, int(k) / shiftRows, acc);
    });
    std::vector<double> sum(padSize, 0.0), weight(padSize, 0.0);
    partial.combine_each([&](const Accumulator& acc) {
      for (std::size_t i = 0; i < padSize; ++i) {
        sum[i] += acc.sum[i];
        weight[i] += acc.weight[i];
      }
    });
    float* dst = out.frame(t).data();
    for (int r = 0; r < rows; ++r)
      for (int col = 0; col < cols; ++col) {
        const std::size_t at = std::size_t(r + pad) * m + col + pad;
        dst[r * cols + col] = float(sum[at] / weight[at]);
      }
    c.job.progress(double(t + 1) / double(in.frames()), "nlm");
  }
  return Result{{Output{"image", std::move(out)}}};
}

}  // namespace lqs
