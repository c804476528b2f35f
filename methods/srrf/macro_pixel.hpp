#pragma once
// Macro-pixel correction (NanoPyx's mpcorrector): the mean image of all mag x mag macro-pixels is a
// periodic pattern; each pixel is divided by the pattern value at its phase (skipped where it is 0).
#include <cstddef>

#include "methods/common/cpu.hpp"

namespace lqs {

// `schedule`: rows and bands on TBB's threads, or all on the calling thread (same result either way).
void correctMacroPixels(float* image, std::size_t rows, std::size_t cols, int magnification,
                        CpuSchedule schedule = CpuSchedule::Tbb);

}  // namespace lqs
