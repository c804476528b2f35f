// Placeholder until the simulator lands (issue 2): Gaussian spots with a fixed seed.
#include "core/sample.hpp"

#include <cmath>
#include <random>

namespace lqs {

Stack simulateBlinking(const SampleOptions& options) {
  Stack stack(options.frames, options.rows, options.cols);
  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> u(0, 1);
  for (std::size_t i = 0; i < stack.size(); ++i) stack.data()[i] = static_cast<float>(options.background * u(rng));
  return stack;
}

}  // namespace lqs
