#pragma once
// `squirrel` on any back end: the reference upsampled on the CPU (FFTW), one SQUIRREL fit per
// super-resolved frame with the back end's blur; frames in parallel with CpuSchedule::Tbb.
#include <functional>
#include <span>

#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/quality/squirrel_fit.hpp"

namespace lqs {

// The blur of one super-resolved frame (rows x cols) on a back end.
using FrameBlurMaker = std::function<FrameBlur(std::span<const float> frame, int rows, int cols)>;

Result runSquirrelWith(const RunContext& context, const FrameBlurMaker& blurOf, CpuSchedule frames);

}  // namespace lqs
