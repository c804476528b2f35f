#pragma once
// Drift estimation and correction. The drift of frame t (dx along columns, dy along rows, pixels)
// is where its content sits relative to frame 0; correcting moves it back by (-dy, -dx).
#include <vector>

#include "engine/registry.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

struct DriftEstimate {
  std::vector<double> dx, dy;
  std::vector<std::string> warnings;
};

// reference: "first" (every block against the first) or "previous" (against the previous block,
// accumulated). Frames are averaged in blocks of `timeAveraging`; block shifts are interpolated to
// frames. `maxDrift` bounds the movement between consecutive blocks.
DriftEstimate estimateDrift(const Stack& stack, const std::string& reference, int timeAveraging, double maxDrift,
                            CpuSchedule schedule, const Job& job);

Stack applyDrift(const Stack& stack, const std::vector<double>& dx, const std::vector<double>& dy,
                 const std::string& interpolation, CpuSchedule schedule, const Job& job);

Table driftTable(const DriftEstimate& drift);

void registerDriftMethods(Registry& registry, const Device& cpu);

}  // namespace lqs
