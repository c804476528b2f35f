#include "core/random_stack.hpp"

#include <random>

namespace lqs {

Stack randomStack(std::size_t frames, std::size_t rows, std::size_t cols, std::uint64_t seed, float lo, float hi) {
  Stack stack(frames, rows, cols);
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<float> uniform(lo, hi);
  for (std::size_t i = 0; i < stack.size(); ++i) stack.data()[i] = uniform(rng);
  return stack;
}

}  // namespace lqs
