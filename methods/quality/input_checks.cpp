#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

void requireFinite(const Stack& stack, const std::string& what) {
  for (std::size_t i = 0; i < stack.size(); ++i)
    if (!std::isfinite(stack.data()[i])) throw InputError(what + " holds NaN or Inf values");
}

void requireStructure(const Stack& stack, const std::string& what) {
  const auto [low, high] = std::minmax_element(stack.data(), stack.data() + stack.size());
  if (stack.empty() || *low == *high) throw InputError(what + " is constant (no structure): the measure is undefined");
}

}  // namespace lqs
