#pragma once
// Uniform random stacks with a fixed seed: benchmark inputs (`lqs bench --shape`) and test data.
#include <cstdint>

#include "core/stack.hpp"

namespace lqs {

Stack randomStack(std::size_t frames, std::size_t rows, std::size_t cols, std::uint64_t seed, float lo = 0,
                  float hi = 1);

}  // namespace lqs
