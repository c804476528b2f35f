#pragma once
// The frame loop shared by eSRRF and SRRF on every back end: the time points of the stack input are
// read in blocks (from memory, or from disk when the stack is larger than the memory a run may use),
// so a stack of any length is reduced in bounded memory.
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "engine/frame_blocks.hpp"

namespace lqs {

using Timepoints = std::vector<std::pair<std::size_t, std::size_t>>;  // first frame, frame count

// Frame ranges of the time points: frames_per_timepoint 0 (or more than the stack) = all frames;
// a remainder makes a shorter last time point, as the original does.
Timepoints timepointBlocks(std::size_t frames, std::size_t perTimepoint);

// For each time point b: `add(frames, count)` over its consecutive frames, at most `maxFrames` at a
// time, then `finish(b)`. Progress (`stage`) and cancel between calls of `add`; a block holding NaN
// or Inf pixels is an InputError naming `stage` (methods/common/finite_pixels.hpp).
void readTimepoints(const RunContext& context, const Timepoints& timepoints, std::size_t maxFrames, const char* stage,
                    const std::function<void(const float* frames, std::size_t count)>& add,
                    const std::function<void(std::size_t timepoint)>& finish);

}  // namespace lqs
