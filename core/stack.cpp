#include "core/stack.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace lqs {

Stack::Stack(std::size_t frames, std::size_t rows, std::size_t cols)
    : frames_(frames), rows_(rows), cols_(cols), data_(frames * rows * cols, 0.0f) {}

Stack::Stack(std::size_t frames, std::size_t rows, std::size_t cols, Uninitialised)
    : frames_(frames), rows_(rows), cols_(cols), data_(frames * rows * cols) {}

std::size_t planesOfRange(std::size_t planes, std::size_t first, std::size_t count) {
  return planes > 1 && first % planes == 0 && count % planes == 0 ? planes : 1;
}

void setAxesOfRange(Stack& range, std::size_t channels, std::size_t planes, std::size_t first,
                    std::size_t count) {
  const bool wholeGroups = channels > 1 && first % channels == 0 && count % channels == 0;
  range.channels = wholeGroups ? channels : 1;
  range.planes = channels > 1 ? (wholeGroups ? planesOfRange(planes, first / channels, count / channels) : 1)
                              : planesOfRange(planes, first, count);
}

Stack Stack::frameRange(std::size_t first, std::size_t count) const {
  if (first + count > frames_) throw ParameterError("frame range exceeds the stack's " +
                                                    std::to_string(frames_) + " frames");
  Stack out(count, rows_, cols_, Uninitialised{});
  std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(first * frameSize()), count * frameSize(),
              out.data_.begin());
  out.pixelSize = pixelSize;
  setAxesOfRange(out, channels, planes, first, count);
  return out;
}

Stack Stack::channel(std::size_t channel) const {
  if (channel >= channels)
    throw ParameterError("the stack has " + std::to_string(channels) + " channel" +
                         (channels == 1 ? "" : "s") + "; there is no channel " + std::to_string(channel + 1));
  Stack out(frames_ / channels, rows_, cols_, Uninitialised{});
  for (std::size_t t = 0; t < out.frames(); ++t)
    std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>((channel + t * channels) * frameSize()),
                frameSize(), out.frame(t).begin());
  out.pixelSize = pixelSize;
  out.planes = planesOfRange(planes, 0, out.frames());
  return out;
}

}  // namespace lqs
