#include "methods/srrf/sweep.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <sstream>

#include "core/errors.hpp"
#include "engine/frame_blocks.hpp"
#include "methods/quality/frc.hpp"
#include "methods/quality/quality_methods.hpp"
#include "methods/srrf/esrrf_frame.hpp"
#include "methods/srrf/sweep_score.hpp"
#include "methods/srrf/temporal.hpp"

namespace lqs {

namespace {

// The three reconstructions of one grid point: all frames, even frames, odd frames.
struct SweepReconstructions {
  std::vector<float> all, even, odd;
};

// `use(frame, index)` for every frame of the stack, read in blocks; cancel between blocks.
void forEachFrame(const RunContext& c, FrameBlocks& in,
                  const std::function<void(const float*, std::size_t)>& use) {
  for (std::size_t first = 0; first < in.frames(); first += in.blockFrames()) {
    c.job.checkCancelled();
    const std::size_t count = std::min(in.blockFrames(), in.frames() - first);
    const float* block = in.read(first, count);
    for (std::size_t k = 0; k < count; ++k) use(block + k * in.frameSize(), first + k);
  }
}

// Per-frame eSRRF maps reduced on the fly, so the stack is read once per grid point in blocks.
SweepReconstructions reconstructAt(const RunContext& c, FrameBlocks& in, const EsrrfSettings& settings,
                                   TemporalCorrelation mode, CpuSchedule schedule) {
  const std::size_t pixels = in.frameSize() * std::size_t(settings.magnification * settings.magnification);
  const RgcTable table = makeRgcTable(settings.magnification, settings.radius);
  TemporalAccumulator all(mode, pixels), even(mode, pixels), odd(mode, pixels);
  std::vector<float> map(pixels);
  EsrrfScratch scratch;
  forEachFrame(c, in, [&](const float* frame, std::size_t index) {
    esrrfFrame({frame, in.frameSize()}, int(in.rows()), int(in.cols()), settings, table, schedule, scratch,
               map.data());
    all.add(map.data());
    (index % 2 == 0 ? even : odd).add(map.data());
  });
  return {all.result(), even.result(), odd.result()};
}

// SQUIRREL's RSP of `reconstruction` against the mean frame, through the squirrel method itself;
// NaN when the fit is impossible (a constant reconstruction).
double rspOf(const RunContext& c, const Stack& meanFrame, Stack reconstruction, CpuSchedule schedule,
             std::vector<std::string>& notes, const std::string& point) {
  const std::vector<Data> inputs{meanFrame, std::move(reconstruction)};
  const ParamValues none;
  try {
    return runSquirrel(RunContext{inputs, none, c.job}, schedule).values.at("rsp");
  } catch (const InputError& e) {
    notes.push_back(point + ": no RSP (" + e.what() + ")");
    return std::numeric_limits<double>::quiet_NaN();
  }
}

Stack meanFrameOf(const RunContext& c, FrameBlocks& in) {
  Stack mean(1, in.rows(), in.cols());
  mean.pixelSize = in.pixelSize();
  TemporalAccumulator average(TemporalCorrelation::Avg, in.frameSize());
  forEachFrame(c, in, [&](const float* frame, std::size_t) { average.add(frame); });
  const auto values = average.result();
  std::copy(values.begin(), values.end(), mean.data());
  return mean;
}

// QnR of every grid point (sensitivity-major, as the original's map), the table, the map and the best pair.
void scoreSweep(const std::vector<double>& radii, const std::vector<double>& sensitivities,
                const std::vector<double>& resolutions, const std::vector<double>& rsps, Result& result) {
  const auto scores = normalisedResolutions(resolutions);
  Table table{{"radius", "sensitivity", "resolution", "rsp", "qnr"}, {}};
  Stack map(1, sensitivities.size(), radii.size());
  std::vector<double> qnr;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    qnr.push_back(qualityAndResolution(rsps[i], scores[i]));
    map.data()[i] = float(qnr[i]);
    table.rows.push_back(
        {radii[i % radii.size()], sensitivities[i / radii.size()], resolutions[i], rsps[i], qnr[i]});
  }
  const std::size_t best = firstArgmax(qnr);
  result.values["best_radius"] = radii[best % radii.size()];
  result.values["best_sensitivity"] = sensitivities[best / radii.size()];
  result.values["best_qnr"] = qnr[best];
  result.outputs.push_back(Output{"scores", std::move(table)});
  result.outputs.push_back(Output{"qnr_map", std::move(map)});
}

}  // namespace

MethodSpec esrrfSweepSpec() {
  return {"esrrf-sweep",
          "eSRRF over a grid of radius x sensitivity, scored by FRC resolution, SQUIRREL RSP and QnR",
          {{"stack", DataKind::Stack, "diffraction-limited frames (at least 2)"}},
          {{"scores", DataKind::Table,
            "radius, sensitivity, resolution (super-resolved pixels), rsp, qnr per grid point"},
           {"qnr_map", DataKind::Stack, "QnR as an image: one row per sensitivity, one column per radius"}},
          {realParam("radius_min", "1", 0.1, 10, "smallest radius of the grid, input pixels"),
           realParam("radius_max", "1.5", 0.1, 10, "largest radius of the grid, input pixels"),
           integerParam("radius_steps", "2", 0, 100, "radii evenly spaced from radius_min to radius_max"),
           realParam("sensitivity_min", "1", 0, 10, "smallest sensitivity of the grid"),
           realParam("sensitivity_max", "2", 0, 10, "largest sensitivity of the grid"),
           integerParam("sensitivity_steps", "2", 0, 100, "sensitivities evenly spaced from min to max"),
           integerParam("magnification", "2", 1, 20, "output pixels per input pixel along each axis"),
           choiceParam("temporal_correlation", "avg", {"avg", "var", "tac2"},
                       "temporal reduction: avg, var or tac2"),
           flagParam("intensity_weighting", "true", "multiply by the magnified intensity")}};
}

Result runEsrrfSweep(const RunContext& c, CpuSchedule schedule) {
  const auto& p = c.params;
  const auto radii =
      sweepValues(p.real("radius_min"), p.real("radius_max"), p.integer("radius_steps"), "radius");
  const auto sensitivities = sweepValues(p.real("sensitivity_min"), p.real("sensitivity_max"),
                                         p.integer("sensitivity_steps"), "sensitivity");
  const TemporalCorrelation mode = temporalCorrelationFrom(p.choice("temporal_correlation"));
  FrameBlocks in(c.inputs.at(0));
  if (in.frames() < 2)
    throw InputError(
        "esrrf-sweep: needs at least 2 frames (the FRC compares the even- and odd-frame reconstructions)");
  if (mode == TemporalCorrelation::Tac2 && in.frames() < 4)
    throw ParameterError("esrrf-sweep: temporal_correlation=tac2 needs at least 4 frames (2 in each half)");
  const int mag = p.integer("magnification");
  const std::size_t rowsM = in.rows() * std::size_t(mag), colsM = in.cols() * std::size_t(mag);
  const Stack meanFrame = meanFrameOf(c, in);

  Result result;
  std::vector<double> resolutions, rsps;
  for (const double sensitivity : sensitivities)
    for (const double radius : radii) {
      std::ostringstream name;
      name << "radius " << radius << ", sensitivity " << sensitivity;
      const std::string point = name.str();
      const EsrrfSettings settings{mag, float(radius), float(sensitivity), p.flag("intensity_weighting")};
      auto recon = reconstructAt(c, in, settings, mode, schedule);
      const FrcCurve frc = fourierRingCorrelation(recon.odd, recon.even, int(rowsM), int(colsM), 1.0);
      resolutions.push_back(frc.defined() && frc.resolution ? *frc.resolution
                                                            : std::numeric_limits<double>::quiet_NaN());
      if (!std::isfinite(resolutions.back())) result.notes.push_back(point + ": the FRC never crosses 1/7");
      Stack all(1, rowsM, colsM);
      std::copy(recon.all.begin(), recon.all.end(), all.data());
      rsps.push_back(rspOf(c, meanFrame, std::move(all), schedule, result.notes, point));
      c.job.progress(double(rsps.size()) / double(radii.size() * sensitivities.size()), "esrrf-sweep");
    }

  scoreSweep(radii, sensitivities, resolutions, rsps, result);
  return result;
}

}  // namespace lqs
