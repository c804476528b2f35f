// `frc`: two images, or one stack whose even and odd frames are averaged into two halves.
#include <cmath>

#include "core/errors.hpp"
#include "methods/quality/frc.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

namespace {

Stack meanOfFrames(const Stack& stack, std::size_t first) {
  Stack mean(1, stack.rows(), stack.cols());
  std::size_t count = 0;
  for (std::size_t t = first; t < stack.frames(); t += 2, ++count)
    for (std::size_t i = 0; i < stack.frameSize(); ++i) mean.data()[i] += stack.frame(t)[i];
  for (std::size_t i = 0; i < mean.size(); ++i) mean.data()[i] /= float(count);
  return mean;
}

std::pair<Stack, Stack> frcHalves(const RunContext& c) {
  const Stack& first = c.stack(0);
  if (c.inputs.size() == 1) {
    if (first.frames() < 2)
      throw InputError("frc of a single image needs a second image, or a stack of at least 2 frames to split");
    return {meanOfFrames(first, 0), meanOfFrames(first, 1)};
  }
  const Stack& second = c.stack(1);
  if (first.rows() != second.rows() || first.cols() != second.cols())
    throw InputError("frc: the two images differ in size (" + std::to_string(first.rows()) + "x" +
                     std::to_string(first.cols()) + " vs " + std::to_string(second.rows()) + "x" +
                     std::to_string(second.cols()) + ")");
  return {first.frameRange(0, 1), second.frameRange(0, 1)};
}

}  // namespace

void requireFinite(const Stack& stack, const std::string& what) {
  for (std::size_t i = 0; i < stack.size(); ++i)
    if (!std::isfinite(stack.data()[i])) throw InputError(what + " holds NaN or Inf values");
}

MethodSpec frcSpec() {
  return {"frc",
          "Fourier ring correlation resolution of two independent images",
          {{"image", DataKind::Stack, "first image, or a stack split into even/odd frames"},
           {"image2", DataKind::Stack, "second image", true}},
          {{"curve", DataKind::Table, "frequency, frc, threshold"}},
          {ParamSpec{"pixel_size", ParamType::Real, "1", 1e-9, 1e9, {}, "pixel size; the resolution is in its unit"}}};
}

Result runFrc(const RunContext& c, CpuSchedule) {
  const auto [a, b] = frcHalves(c);
  requireFinite(a, "frc input");
  requireFinite(b, "frc input");
  const FrcCurve curve =
      fourierRingCorrelation(a.frame(0), b.frame(0), int(a.rows()), int(a.cols()), c.params.real("pixel_size"));
  Table table{{"frequency", "frc", "threshold"}, {}};
  for (std::size_t i = 0; i < curve.frequency.size(); ++i) {
    if (!std::isfinite(curve.correlation[i]))
      throw InputError("frc: the images have no structure (constant or zero), so the correlation is undefined");
    table.rows.push_back({curve.frequency[i], curve.correlation[i], kFrcThreshold});
  }
  Result result{{Output{"curve", std::move(table)}}};
  if (curve.resolution) result.values["resolution"] = *curve.resolution;
  else result.notes.push_back("the FRC curve never crosses the 1/7 threshold: no resolution");
  return result;
}

}  // namespace lqs
