// `frc`: two images, or one stack whose even and odd frames are averaged into two halves.
#include "core/errors.hpp"
#include "methods/quality/frc.hpp"
#include "methods/quality/frc_input.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

MethodSpec frcSpec() {
  return {"frc",
          "Fourier ring correlation resolution of two independent images",
          frcInputPorts(),
          {{"curve", DataKind::Table, "frequency, frc, threshold"}},
          {ParamSpec{"pixel_size", ParamType::Real, "1", 1e-9, 1e9, {}, "pixel size; the resolution is in its unit"}}};
}

Result runFrc(const RunContext& c, CpuSchedule schedule) {
  const auto [a, b] = frcHalves(c, "frc");
  const FrcCurve curve = fourierRingCorrelation(a.frame(0), b.frame(0), int(a.rows()), int(a.cols()),
                                                c.params.real("pixel_size"), schedule);
  if (!curve.defined())
    throw InputError("frc: the images have no structure (constant or zero), so the correlation is undefined");
  Table table{{"frequency", "frc", "threshold"}, {}};
  for (std::size_t i = 0; i < curve.frequency.size(); ++i)
    table.rows.push_back({curve.frequency[i], curve.correlation[i], kFrcThreshold});
  Result result{{Output{"curve", std::move(table)}}};
  if (curve.resolution) {
    result.values["resolution"] = *curve.resolution;
    result.values["resolution_px"] = *curve.resolution / c.params.real("pixel_size");
  } else result.notes.push_back("the FRC curve never crosses the 1/7 threshold: no resolution");
  return result;
}

}  // namespace lqs
