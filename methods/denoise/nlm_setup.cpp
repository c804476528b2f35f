#include "methods/denoise/nlm_setup.hpp"

#include <cmath>
#include <string>

#include "core/errors.hpp"

namespace lqs {

MethodSpec nlmSpec() {
  return {"nlm",
          "Non-local means denoising",
          {{"image", DataKind::Stack, "image or stack"}},
          {{"image", DataKind::Stack, "denoised stack"}},
          {integerParam("patch_size", "7", 1, 51, "patch edge in pixels (even sizes grow by one)"),
           integerParam("patch_distance", "11", 0, 100, "search window half-width in pixels"),
           realParam("h", "0.1", 1e-6, 1e12, "filter strength in grey levels"),
           realParam("sigma", "0", 0, 1e12, "noise standard deviation in grey levels")}};
}

NlmSettings nlmSettings(const ParamValues& params) {
  NlmSettings s;
  const int patch = params.integer("patch_size") | 1;
  s.offset = patch / 2;
  s.distance = params.integer("patch_distance");
  const float h = float(params.real("h")), sigma = float(params.real("sigma"));
  s.h2s2 = float(patch * patch) * h * h;
  s.variance2 = 2 * sigma * sigma;
  return s;
}

const Stack& finiteInput(const RunContext& context) {
  const Stack& in = context.stack(0);
  for (std::size_t t = 0; t < in.frames(); ++t) {
    const auto frame = in.frame(t);
    for (std::size_t i = 0; i < frame.size(); ++i)
      if (!std::isfinite(frame[i]))
        throw InputError("nlm needs finite pixel values; frame " + std::to_string(t) + " has NaN or Inf at row " +
                         std::to_string(i / in.cols()) + ", column " + std::to_string(i % in.cols()));
  }
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
