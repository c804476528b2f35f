#include "methods/common/finite_pixels.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

#include "core/errors.hpp"

namespace lqs {

void requireFinitePixels(const float* frames, std::size_t count, std::size_t rows, std::size_t cols,
                         std::size_t firstFrame, const std::string& method) {
  const std::size_t pixels = count * rows * cols;
  constexpr std::uint32_t exponent = 0x7f800000u;  // all ones only in NaN and Inf
  std::uint32_t highest = 0;
  for (std::size_t i = 0; i < pixels; ++i)
    highest = std::max(highest, std::bit_cast<std::uint32_t>(frames[i]) & exponent);
  if (highest != exponent) return;
  std::size_t bad = 0, first = 0;
  for (std::size_t i = 0; i < pixels; ++i)
    if (!std::isfinite(frames[i]) && bad++ == 0) first = i;
  const std::size_t frameSize = rows * cols;
  throw InputError(method + " needs finite pixel values: " + std::to_string(bad) + " pixel" +
                   (bad == 1 ? " is" : "s are") + " NaN or Inf in frames " + std::to_string(firstFrame) +
                   "-" + std::to_string(firstFrame + count - 1) + ", the first at frame " +
                   std::to_string(firstFrame + first / frameSize) + ", row " +
                   std::to_string(first % frameSize / cols) + ", column " + std::to_string(first % cols) +
                   "; replace them first (e.g. by interpolation)");
}

void requireFinite(const Stack& stack, const std::string& what) {
  requireFinitePixels(stack.data(), stack.frames(), stack.rows(), stack.cols(), 0, what);
}

}  // namespace lqs
