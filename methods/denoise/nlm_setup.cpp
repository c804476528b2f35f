#include "methods/denoise/nlm_setup.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/errors.hpp"
#include "methods/common/finite_pixels.hpp"

namespace lqs {

MethodSpec nlmSpec() {
  return {"nlm",
          "Non-local means denoising",
          {{"image", DataKind::Stack, "image or stack"}},
          {{"image", DataKind::Stack, "denoised stack"}},
          {integerParam("patch_size", "7", 1, 51, "patch edge in pixels (even sizes grow by one)"),
           integerParam("patch_distance", "11", 0, 100, "search window half-width in pixels"),
           realParam("h", "0.1", 1e-6, 1e12, "filter strength in grey levels"),
           realParam("sigma", "0", 0, 1e12, "noise standard deviation in grey levels"),
           choiceParam("patch_weights", "gaussian", {"gaussian", "uniform"},
                       "patch pixels weighted by a Gaussian (NanoPyx's threaded and OpenCL runs) or "
                       "uniformly (its unthreaded run, faster on the CPU)")},
          true};
}

// docs/nlm.md: both filters, their sources, and why each clips or mirrors the search window.
NlmSettings nlmSettings(const ParamValues& params) {
  NlmSettings s;
  const int patch = params.integer("patch_size") | 1;
  const double h = params.real("h"), sigma = params.real("sigma");
  s.offset = patch / 2;
  LqsNlmPatch& p = s.patch;
  p.distance = params.integer("patch_distance");
  p.variance2 = float(2 * sigma * sigma);
  s.uniform = params.choice("patch_weights") == "uniform";
  if (s.uniform) {
    p.first = 1 - s.offset;
    p.extent = 2 * s.offset;
    p.clip = 0;
    p.scale = float(1.0 / (double(patch) * patch * h * h));
    p.cutoff = 5.0f;
    std::fill(std::begin(p.weights), std::end(p.weights), 1.0f);
    return s;
  }
  p.first = -s.offset;
  p.extent = patch;
  p.clip = 1;
  p.cutoff = std::numeric_limits<float>::max();
  // A = (patch - 1) / 4; at patch 1 (A = 0) the one weight is taken as its limit, 1.
  const double a = (patch - 1) / 4.0;
  double total = 0;
  std::fill(std::begin(p.weights), std::end(p.weights), 0.0f);
  for (int k = 0; k < patch; ++k) {
    const double x = k - s.offset;
    p.weights[k] = a > 0 ? float(std::exp(-x * x / (2 * a * a))) : 1.0f;
    total += p.weights[k];
  }
  p.scale = float(1.0 / (total * total * h * h));
  return s;
}

const Stack& finiteInput(const RunContext& context) {
  const Stack& in = context.stack(0);
  requireFinite(in, "nlm");
  return in;
}

static int reflectIndex(int i, int n) {
  if (n == 1) return 0;
  const int period = 2 * (n - 1);
  i %= period;
  if (i < 0) i += period;
  return i < n ? i : period - i;
}

std::vector<float> reflectPad(std::span<const float> frame, int rows, int cols, int pad) {
  const int paddedRows = rows + 2 * pad, paddedCols = cols + 2 * pad;
  std::vector<float> padded(std::size_t(paddedRows) * paddedCols);
  for (int r = 0; r < paddedRows; ++r) {
    const int source = reflectIndex(r - pad, rows) * cols;
    for (int c = 0; c < paddedCols; ++c) padded[std::size_t(r) * paddedCols + c] = frame[source + reflectIndex(c - pad, cols)];
  }
  return padded;
}

Result denoiseFrames(const RunContext& c, const DenoiseFrame& denoise) {
  const Stack& in = finiteInput(c);
  const int pad = nlmSettings(c.params).pad();
  Stack out(in.frames(), in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  for (std::size_t t = 0; t < in.frames(); ++t) {
    c.job.checkCancelled();
    denoise(reflectPad(in.frame(t), int(in.rows()), int(in.cols()), pad), out.frame(t).data());
    c.job.progress(double(t + 1) / double(in.frames()), "nlm");
  }
  return Result::of("image", std::move(out));
}

}  // namespace lqs
