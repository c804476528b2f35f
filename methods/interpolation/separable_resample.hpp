#pragma once
// Axis-aligned resampling (magnify, shift-magnify) on the CPU: output row i samples input row
// coordinate rowCoords[i] and output column j column coordinate colCoords[j], so the interpolation
// kernel separates. Per-axis tap tables are built once and every output row costs one pass along
// the input row taps plus one along the column taps: the same sums as lqs_sample, in the same order.
#include <cstddef>
#include <vector>

#include "core/stack.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

Stack resampleSeparable(const Stack& in, const std::vector<float>& rowCoords, const std::vector<float>& colCoords,
                        int kind, CpuSchedule schedule, const Job& job);

}  // namespace lqs
