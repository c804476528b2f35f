#pragma once
// `squirrel` on any back end: the reference upsampled on the CPU (FFTW), one SQUIRREL fit per
// super-resolved frame with the back end's blur; frames in parallel with CpuSchedule::Tbb.
#include <functional>
#include <vector>

#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/quality/squirrel_fit.hpp"

namespace lqs {

// The blur of one centred super-resolved frame (rows x cols) on a back end, with the centred reference
// (both outlive the FrameBlur).
using FrameBlurMaker = std::function<FrameBlur(const std::vector<double>& frame,
                                               const std::vector<double>& reference, int rows, int cols)>;

Result runSquirrelWith(const RunContext& context, const FrameBlurMaker& blurOf, CpuSchedule frames);

}  // namespace lqs
