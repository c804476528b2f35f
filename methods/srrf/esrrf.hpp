#pragma once
// eSRRF (2D): per-frame radial gradient convergence reduced over each time point by a temporal
// correlation, then macro-pixel correction. Output: time points x rows*mag x cols*mag.
#include "engine/method.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

MethodSpec esrrfSpec();
Result runEsrrf(const RunContext& context, CpuSchedule schedule);

// Frame ranges of the time points: frames_per_timepoint 0 (or more than the stack) = all frames;
// a remainder makes a shorter last time point, as the original does.
std::vector<std::pair<std::size_t, std::size_t>> timepointBlocks(std::size_t frames, std::size_t perTimepoint);

}  // namespace lqs
