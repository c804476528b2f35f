#include "methods/srrf/srrf.hpp"

#include "core/errors.hpp"
#include "gpu/kernels/srrf_radiality.h"
#include "methods/srrf/esrrf.hpp"
#include "methods/srrf/macro_pixel.hpp"
#include "methods/srrf/srrf_temporal.hpp"

namespace lqs {

MethodSpec srrfSpec() {
  return {"srrf",
          "Super-resolution radial fluctuations (SRRF, radiality) of a stack",
          {{"stack", DataKind::Stack, "diffraction-limited frames"}},
          {{"image", DataKind::Stack, "super-resolved image per time point"}},
          {integerParam("magnification", "5", 1, 20, "output pixels per input pixel along each axis"),
           realParam("ring_radius", "0.5", 0.05, 10, "radius of the 12-point gradient ring, input pixels"),
           integerParam("border", "0", 0, 1e6, "input pixels left at 0 on each side besides the first"),
           flagParam("radiality_positivity_constraint", "true", "clip negative radiality to 0"),
           flagParam("intensity_weighting", "true", "multiply by the magnified intensity"),
           flagParam("macro_pixel_correction", "true", "remove the periodic sub-pixel pattern of each frame"),
           integerParam("order", "1", -1, 4,
                        "temporal analysis: 1 mean, 0 maximum, -1 pairwise product sum, 2..4 auto-cumulant"),
           integerParam("frames_per_timepoint", "0", 0, 1e9, "frames per reconstruction (0: all frames in one)")}};
}

SrrfPlan planSrrf(const RunContext& c) {
  const auto& p = c.params;
  SrrfPlan plan;
  auto& s = plan.settings;
  s.magnification = p.integer("magnification");
  s.border = p.integer("border");
  s.ringRadius = float(p.real("ring_radius")) * float(s.magnification);  // float, as the original
  s.positive = p.flag("radiality_positivity_constraint");
  s.intensityWeighting = p.flag("intensity_weighting");
  for (int k = 0; k < LQS_RING; ++k) {
    s.ringCol.push_back(lqs_ring_col(k, s.ringRadius));
    s.ringRow.push_back(lqs_ring_row(k, s.ringRadius));
  }
  s.taps.resize(std::size_t(s.magnification * s.magnification * LQS_RING * LQS_RING_FIELDS));
  for (int sy = 0; sy < s.magnification; ++sy)
    for (int sx = 0; sx < s.magnification; ++sx)
      for (int k = 0; k < LQS_RING; ++k)
        lqs_ring_taps(sy, sx, s.magnification, s.ringCol[k], s.ringRow[k],
                      &s.taps[std::size_t(((sy * s.magnification + sx) * LQS_RING + k) * LQS_RING_FIELDS)]);
  plan.order = p.integer("order");
  plan.macroPixelCorrection = p.flag("macro_pixel_correction");
  plan.blocks = timepointBlocks(FrameBlocks(c.inputs.at(0)).frames(), std::size_t(p.integer("frames_per_timepoint")));
  if (plan.order >= 2 && plan.blocks.back().second <= std::size_t(plan.order))
    throw ParameterError("srrf: order " + std::to_string(plan.order) + " needs more than " +
                         std::to_string(plan.order) + " frames in every time point");
  return plan;
}

Stack SrrfPlan::reconstruct(const RunContext& c, const std::function<void(const float*, float*)>& frameMap) const {
  const FrameBlocks in(c.inputs.at(0));
  const auto mag = std::size_t(settings.magnification);
  Stack out(blocks.size(), in.rows() * mag, in.cols() * mag);
  out.pixelSize = in.pixelSize();
  out.pixelSize.value /= double(mag);
  std::vector<float> map(out.frameSize());
  SrrfTemporal temporal(order, out.frameSize());
  readTimepoints(
      c, blocks, 1, "srrf",
      [&](const float* frame, std::size_t) {
        frameMap(frame, map.data());
        if (macroPixelCorrection) correctMacroPixels(map.data(), out.rows(), out.cols(), settings.magnification);
        temporal.add(map.data());
      },
      [&](std::size_t b) {
        const auto reduced = temporal.result();
        std::copy(reduced.begin(), reduced.end(), out.frame(b).begin());
        temporal = SrrfTemporal(order, out.frameSize());
      });
  return out;
}

void srrfFrame(std::span<const float> frame, int rows, int cols, const SrrfSettings& s, CpuSchedule schedule,
               PaddedGradients& gradients, float* out) {
  const int mag = s.magnification, colsM = cols * mag;
  const bool simd = schedule == CpuSchedule::TbbSimd;
  padGradients(frame.data(), rows, cols, simd ? kSimdGradientPad : 0, gradients);
  const float *gc = gradients.col.data(), *gr = gradients.row.data();
  forRange(schedule, std::size_t(rows * mag), [&](std::size_t begin, std::size_t end) {
    for (int rM = int(begin); rM < int(end); ++rM) {
      float* row = out + std::size_t(rM) * colsM;
      if (simd) {
        srrfRowSimd(frame.data(), gradients, rows, cols, s, rM, row);
        continue;
      }
      for (int cM = 0; cM < colsM; ++cM)
        row[cM] = lqs_srrf_pixel(frame.data(), gc, gr, rows, cols, mag, s.ringCol.data(), s.ringRow.data(),
                                 s.taps.data(), s.ringRadius, s.border, s.positive ? 1 : 0,
                                 s.intensityWeighting ? 1 : 0, rM, cM);
    }
  });
}

Result runSrrf(const RunContext& c, CpuSchedule schedule) {
  const FrameBlocks in(c.inputs.at(0));
  const SrrfPlan plan = planSrrf(c);
  PaddedGradients gradients;
  return Result::of("image", plan.reconstruct(c, [&](const float* frame, float* map) {
                          srrfFrame({frame, in.frameSize()}, int(in.rows()), int(in.cols()), plan.settings, schedule,
                                    gradients, map);
                        }));
}

}  // namespace lqs
