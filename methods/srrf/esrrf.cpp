#include "methods/srrf/esrrf.hpp"

#include <future>
#include <optional>

#include "core/errors.hpp"
#include "methods/srrf/macro_pixel.hpp"

namespace lqs {

MethodSpec esrrfSpec() {
  return {"esrrf",
          "Enhanced super-resolution radial fluctuations (eSRRF) of a stack",
          {{"stack", DataKind::Stack, "diffraction-limited frames"}},
          {{"image", DataKind::Stack, "super-resolved image per time point"}},
          {integerParam("magnification", "5", 1, 20, "output pixels per input pixel along each axis"),
           realParam("radius", "1.5", 0.1, 10, "radius of the gradient ring, input pixels"),
           realParam("sensitivity", "1", 0, 10, "exponent sharpening the convergence (applied if > 1)"),
           choiceParam("temporal_correlation", "avg", {"avg", "var", "tac2"}, "temporal reduction: avg, var or tac2"),
           flagParam("intensity_weighting", "true", "multiply by the magnified intensity"),
           flagParam("macro_pixel_correction", "true",
                 "remove the periodic sub-pixel pattern"),
           integerParam("frames_per_timepoint", "0", 0, 1e9,
                 "frames per reconstruction (0: all frames in one)")}};
}

EsrrfPlan planEsrrf(const RunContext& c) {
  const auto& p = c.params;
  EsrrfPlan plan{{p.integer("magnification"), float(p.real("radius")), float(p.real("sensitivity")),
                  p.flag("intensity_weighting")},
                 temporalCorrelationFrom(p.choice("temporal_correlation")),
                 timepointBlocks(FrameBlocks(c.inputs.at(0)).frames(), std::size_t(p.integer("frames_per_timepoint"))),
                 p.flag("macro_pixel_correction")};
  if (plan.mode == TemporalCorrelation::Tac2 && plan.blocks.back().second < 2)
    throw ParameterError("esrrf: temporal_correlation=tac2 needs at least 2 frames in every time point");
  return plan;
}

Stack EsrrfPlan::reconstruct(const RunContext& c, const Reducer& reducer) const {
  const FrameBlocks in(c.inputs.at(0));
  const auto mag = std::size_t(settings.magnification);
  // the output is allocated while the first frames are reduced: zeroing 420 MB (2048x2048 x5) is a
  // quarter of a second of page faults, as long as a GPU takes for 80 of those frames
  auto allocation =
      std::async(schedule == CpuSchedule::Serial ? std::launch::deferred : std::launch::async, [&] {
        Stack out(blocks.size(), in.rows() * mag, in.cols() * mag);
        out.pixelSize = in.pixelSize();
        out.pixelSize.value /= double(mag);
        return out;
      });
  std::optional<Stack> out;
  readTimepoints(c, blocks, reducer.blockFrames, "esrrf", reducer.add, [&](std::size_t b) {
    if (!out) out = allocation.get();
    float* target = out->frame(b).data();
    reducer.finish(target);
    if (macroPixelCorrection)
      correctMacroPixels(target, out->rows(), out->cols(), settings.magnification, schedule);
  });
  return out ? std::move(*out) : allocation.get();
}

Stack EsrrfPlan::reconstruct(const RunContext& c, const std::function<void(const float*, float*)>& frameMap) const {
  const FrameBlocks in(c.inputs.at(0));
  const std::size_t pixels = in.frameSize() * std::size_t(settings.magnification * settings.magnification);
  std::vector<float> map(pixels);
  TemporalAccumulator accumulator(mode, pixels, schedule);
  return reconstruct(c, Reducer{1,
                                [&](const float* frame, std::size_t) {
                                  frameMap(frame, map.data());
                                  accumulator.add(map.data());
                                },
                                [&](float* out) {
                                  const auto reduced = accumulator.result();
                                  std::copy(reduced.begin(), reduced.end(), out);
                                  accumulator = TemporalAccumulator(mode, pixels, schedule);
                                }});
}

Result runEsrrf(const RunContext& c, CpuSchedule schedule) {
  const FrameBlocks in(c.inputs.at(0));
  EsrrfPlan plan = planEsrrf(c);
  plan.schedule = schedule;
  const RgcTable table = makeRgcTable(plan.settings.magnification, plan.settings.radius);
  EsrrfScratch scratch;
  return Result::of("image", plan.reconstruct(c, [&](const float* frame, float* map) {
                          esrrfFrame({frame, in.frameSize()}, int(in.rows()), int(in.cols()), plan.settings, table,
                                     schedule, scratch, map);
                        }));
}

}  // namespace lqs
