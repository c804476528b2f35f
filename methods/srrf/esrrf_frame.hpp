#pragma once
// One frame of eSRRF on the CPU: Catmull-Rom magnification, Roberts-cross gradients sampled on the
// half-pixel lattice, radial gradient convergence, optional intensity weighting.
#include <span>
#include <vector>

#include "methods/common/cpu.hpp"
#include "methods/srrf/rgc_table.hpp"

namespace lqs {

struct EsrrfSettings {
  int magnification = 5;
  float radius = 1.5f, sensitivity = 1.0f;
  bool intensityWeighting = true;
};

// Writes the rows*mag x cols*mag RGC map of `frame` into `out`. `scratch` is reused between frames.
struct EsrrfScratch {
  std::vector<float> gradCol, gradRow, latticeCol, latticeRow, magnified;
};
void esrrfFrame(std::span<const float> frame, int rows, int cols, const EsrrfSettings& settings,
                const RgcTable& table, CpuSchedule schedule, EsrrfScratch& scratch, float* out);

}  // namespace lqs
