#pragma once
// `esrrf-sweep`: eSRRF over a grid of radius x sensitivity, each reconstruction scored as NanoPyx's
// parameter sweep does (FRC resolution of the even- and odd-frame reconstructions, SQUIRREL's RSP
// against the mean frame, QnR from both), reporting the table and the best pair.
#include "engine/method.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

MethodSpec esrrfSweepSpec();
Result runEsrrfSweep(const RunContext& context, CpuSchedule schedule);

}  // namespace lqs
