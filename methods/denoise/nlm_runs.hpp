#pragma once
// The two NLM strategies; both compute the same function (the tests hold them to it).
#include "engine/method.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

// One pixel at a time: cost grows with patch area; best for small search windows and on GPUs.
Result runNlmPixelwise(const RunContext& context, CpuSchedule schedule);
// One search shift at a time over the whole frame, with the separable Gaussian patch sum: cost
// grows with the patch edge, not its area; best for large patches on the CPU.
Result runNlmPatchwise(const RunContext& context, CpuSchedule schedule);

}  // namespace lqs
