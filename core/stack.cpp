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

Stack Stack::frameRange(std::size_t first, std::size_t count) const {
  if (first + count > frames_) throw ParameterError("frame range exceeds the stack's " +
                                                    std::to_string(frames_) + " frames");
  Stack out(count, rows_, cols_, Uninitialised{});
  std::copy_n(data_.begin() + static_cast<std::ptrdiff_t>(first * frameSize()), count * frameSize(),
              out.data_.begin());
  out.pixelSize = pixelSize;
  out.planes = planesOfRange(planes, first, count);
  return out;
}

}  // namespace lqs
