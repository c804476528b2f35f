#pragma once
// Channel registration's translation field: a 2-frame stack of the reference's size, frame 0 dy
// (rows) and frame 1 dx (columns), in pixels. It is the translation that moves the channel onto the
// reference (NanoPyx's sign): registered(y, x) = channel(y - dy(y, x), x - dx(y, x)), with pixel
// centres at k + 0.5. (NanoPyx stores dx | dy side by side in one frame twice as wide.)
#include <string>
#include <vector>

#include "core/stack.hpp"
#include "methods/common/cpu.hpp"
#include "methods/registration/channel_blocks.hpp"

namespace lqs {

struct ChannelFieldOptions {
  double maxShift = 10;
  int blocksPerAxis = 5;
  double minSimilarity = 0.5;
};

struct ChannelField {
  Stack field;  // dy, dx
  int blocksUsed = 0, blocks = 0;
  std::vector<std::string> notes;
};

// Single frames, or the mean projection of a stack (noted in `notes`).
Stack singleImage(const Stack& stack, const std::string& role, std::vector<std::string>& notes);

// Block shifts (channel_blocks.hpp), refilled where weak or outlying, interpolated over the grid of block
// centres with Catmull-Rom and extended linearly past the outer centres, so a uniform translation
// or a linear (magnification-like) field comes out exact. NanoPyx instead spreads the block shifts
// by inverse-distance weighting and then blurs them (Gaussian, sigma half a block). The channel is
// then registered with that field and the residual block shifts are added (twice): the windowed
// correlation underestimates large shifts slightly, and a nearly aligned block has no such bias.
// Outliers are judged again on each pass's totals.
ChannelField estimateChannelField(const Stack& reference, const Stack& channel,
                                  const ChannelFieldOptions& options, CpuSchedule schedule, const Job& job);

// Every frame of `channel` resampled through the field with interpolator `kind`
// (geometric_transform.hpp); InputError when the field is not 2 finite frames of the channel's size.
Stack applyChannelField(const Stack& channel, const Stack& field, int kind, CpuSchedule schedule,
                        const Job& job);

}  // namespace lqs
