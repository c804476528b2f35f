#include <algorithm>

#include "core/errors.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

void requireStructure(const Stack& stack, const std::string& what) {
  const auto [low, high] = std::minmax_element(stack.data(), stack.data() + stack.size());
  if (stack.empty() || *low == *high) throw InputError(what + " is constant (no structure): the measure is undefined");
}

}  // namespace lqs
