#include "methods/srrf/esrrf3d.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "engine/frame_blocks.hpp"
#include "gpu/kernels/esrrf3d.h"
#include "methods/srrf/macro_pixel.hpp"

namespace lqs {

MethodSpec esrrf3dSpec() {
  return {"esrrf3d",
          "eSRRF 3D of a time series of volumes (the input's frames are time points x planes)",
          {{"stack", DataKind::Stack, "T x Z planes, the planes of each volume consecutive"}},
          {{"image", DataKind::Stack, "per time point Z*magnification_z super-resolved planes"}},
          {integerParam("planes", "0", 0, 1e6,
                        "planes (Z) per volume, at least 2 (0: the input's own, an ImageJ hyperstack's slices)"),
           integerParam("magnification_xy", "2", 1, 10, "output pixels per input pixel along x and y"),
           integerParam("magnification_z", "2", 1, 10, "output planes per input plane"),
           realParam("radius", "1.5", 0.1, 10, "radius in x and y, input pixels"),
           realParam("radius_z", "1.05", 0.1, 10,
                     "radius along z, input planes (NanoPyx: radius * PSF_ratio 2.8 / voxel_ratio 4)"),
           realParam("sensitivity", "1", 0, 10, "exponent sharpening the convergence (applied if > 1)"),
           choiceParam("temporal_correlation", "avg", {"avg", "var", "tac2"},
                       "temporal reduction: avg, var or tac2"),
           flagParam("intensity_weighting", "true", "multiply by the magnified intensity"),
           flagParam("macro_pixel_correction", "true", "remove the periodic sub-pixel pattern of each plane"),
           integerParam("frames_per_timepoint", "0", 0, 1e9, "volumes per reconstruction (0: all in one)")}};
}

Esrrf3dPlan planEsrrf3d(const RunContext& c) {
  const auto& p = c.params;
  const FrameBlocks in(c.inputs.at(0));
  Esrrf3dPlan plan;
  plan.slices = p.integer("planes") > 0 ? p.integer("planes") : int(in.planes());
  if (plan.slices < 2)
    throw ParameterError(
        p.integer("planes") > 0
            ? "esrrf3d: planes must be at least 2 (with one plane no neighbour lies inside the volume "
              "along z; use esrrf for 2D)"
            : "esrrf3d: the input does not say how many planes a volume has (no ImageJ hyperstack "
              "slices); give planes=Z");
  if (in.frames() % std::size_t(plan.slices) != 0)
    throw InputError("esrrf3d: " + std::to_string(in.frames()) + " frames are not whole volumes of " +
                     std::to_string(plan.slices) + " planes");
  plan.rows = int(in.rows());
  plan.cols = int(in.cols());
  plan.magXY = p.integer("magnification_xy");
  plan.magZ = p.integer("magnification_z");
  plan.radius = float(p.real("radius"));
  plan.radiusZ = float(p.real("radius_z"));
  plan.sensitivity = float(p.real("sensitivity"));
  plan.intensityWeighting = p.flag("intensity_weighting");
  plan.macroPixelCorrection = p.flag("macro_pixel_correction");
  plan.mode = temporalCorrelationFrom(p.choice("temporal_correlation"));
  // the original refuses a radius larger than half the volume
  if (plan.radius > plan.rows / 2.0f || plan.radius > plan.cols / 2.0f || plan.radiusZ > plan.slices / 2.0f)
    throw ParameterError(
        "esrrf3d: radius must be at most half the rows and columns, radius_z at most half the planes");
  const std::size_t volumes = in.frames() / std::size_t(plan.slices);
  for (const auto& [first, count] : timepointBlocks(volumes, std::size_t(p.integer("frames_per_timepoint"))))
    plan.timepoints.emplace_back(first * plan.slices, count * plan.slices);
  if (plan.mode == TemporalCorrelation::Tac2 && plan.timepoints.back().second < 2 * std::size_t(plan.slices))
    throw ParameterError("esrrf3d: temporal_correlation=tac2 needs at least 2 volumes in every time point");
  return plan;
}

std::vector<float> Esrrf3dPlan::offsetTable() const {
  std::vector<float> table;
  const int reach = int(radius), reachZ = int(radiusZ);
  for (int j = -reach; j <= int(radius + 1); ++j)
    for (int i = -reach; i <= int(radius + 1); ++i)
      for (int k = -reachZ; k <= int(radiusZ + 1); ++k) {
        float weight = 0, distance = 0;
        lqs_esrrf3d_offset(i, j, k, radius, radiusZ, &weight, &distance);
        table.insert(table.end(), {weight, distance});
      }
  return table;
}

Stack Esrrf3dPlan::reconstruct(const RunContext& c,
                               const std::function<void(const float*, float*)>& volumeMap) const {
  const FrameBlocks in(c.inputs.at(0));
  const std::size_t planesM = std::size_t(slices * magZ), rowsM = std::size_t(rows * magXY),
                    colsM = std::size_t(cols * magXY);
  Stack out(timepoints.size() * planesM, rowsM, colsM);
  out.pixelSize = in.pixelSize();
  out.pixelSize.value /= double(magXY);
  out.pixelSize.depth /= double(magZ);  // 0 (unknown) stays 0
  out.planes = planesM;
  std::vector<float> volume, map(magnifiedSize());
  TemporalAccumulator accumulator(mode, map.size(), schedule);
  // planes arrive in blocks that need not hold whole volumes: gather them
  const auto add = [&](const float* planes, std::size_t count) {
    while (count > 0) {
      const std::size_t take = std::min(count, (volumeSize() - volume.size()) / in.frameSize());
      volume.insert(volume.end(), planes, planes + take * in.frameSize());
      planes += take * in.frameSize();
      count -= take;
      if (volume.size() < volumeSize()) continue;
      volumeMap(volume.data(), map.data());
      accumulator.add(map.data());
      volume.clear();
    }
  };
  readTimepoints(c, timepoints, std::size_t(slices), "esrrf3d", add, [&](std::size_t t) {
    const auto reduced = accumulator.result();
    float* target = out.frame(t * planesM).data();
    std::copy(reduced.begin(), reduced.end(), target);
    if (macroPixelCorrection)
      for (std::size_t s = 0; s < planesM; ++s)
        correctMacroPixels(target + s * rowsM * colsM, rowsM, colsM, magXY, schedule);
    accumulator = TemporalAccumulator(mode, map.size(), schedule);
  });
  return out;
}

namespace {

// One volume on the CPU: raw gradients, the magnified gradients (unit length) and intensity, then the
// convergence. `raw` and `magnified` are scratch reused between volumes.
void convergeVolume(const Esrrf3dPlan& plan, const std::vector<float>& offsets, CpuSchedule schedule,
                    std::vector<float>& raw, std::vector<float>& magnified, const float* volume, float* map) {
  const int rowsM = plan.rows * plan.magXY, colsM = plan.cols * plan.magXY, planesM = plan.slices * plan.magZ;
  const std::size_t n = plan.volumeSize(), nM = plan.magnifiedSize();
  raw.resize(3 * n);         // gradients x, y, z
  magnified.resize(4 * nM);  // the same magnified, and the intensity
  for (int s = 0; s < plan.slices; ++s)
    for (int r = 0; r < plan.rows; ++r)
      for (int col = 0; col < plan.cols; ++col) {
        const std::size_t i = (std::size_t(s) * plan.rows + r) * plan.cols + col;
        lqs_gradient_3d(volume, plan.slices, plan.rows, plan.cols, s, r, col, &raw[i], &raw[n + i],
                        &raw[2 * n + i]);
      }
  const float* sources[4] = {raw.data(), raw.data() + n, raw.data() + 2 * n, volume};
  forRange(schedule, std::size_t(planesM) * rowsM, [&](std::size_t begin, std::size_t end) {
    for (std::size_t line = begin; line < end; ++line)
      for (int cM = 0; cM < colsM; ++cM) {
        const std::size_t i = line * colsM + cM;
        for (int v = 0; v < 4; ++v)
          magnified[v * nM + i] = lqs_magnified_3d(sources[v], plan.rows, plan.cols, plan.magXY, plan.magZ,
                                                   int(line / rowsM), int(line % rowsM), cM);
        lqs_unit_gradient(&magnified[i], &magnified[nM + i], &magnified[2 * nM + i]);
      }
  });
  forRange(schedule, std::size_t(planesM) * rowsM, [&](std::size_t begin, std::size_t end) {
    for (std::size_t line = begin; line < end; ++line)
      for (int cM = 0; cM < colsM; ++cM) {
        const std::size_t i = line * colsM + cM;
        const float rgc = lqs_esrrf3d_voxel(magnified.data(), magnified.data() + nM,
                                            magnified.data() + 2 * nM, offsets.data(), plan.slices, plan.rows,
                                            plan.cols, plan.magXY, plan.magZ, plan.radius, plan.radiusZ,
                                            plan.sensitivity, int(line / rowsM), int(line % rowsM), cM);
        map[i] = plan.intensityWeighting ? rgc * magnified[3 * nM + i] : rgc;
      }
  });
}

}  // namespace

Result runEsrrf3d(const RunContext& c, CpuSchedule schedule) {
  Esrrf3dPlan plan = planEsrrf3d(c);
  plan.schedule = schedule;
  const std::vector<float> offsets = plan.offsetTable();
  std::vector<float> raw, magnified;
  const auto volumeMap = [&](const float* volume, float* map) {
    convergeVolume(plan, offsets, schedule, raw, magnified, volume, map);
  };
  return Result::of("image", plan.reconstruct(c, volumeMap));
}

}  // namespace lqs
