#include "engine/registry.hpp"

#include "core/errors.hpp"

namespace lqs {

void Registry::add(Method method) {
  for (const auto& existing : methods_)
    if (existing.spec.name == method.spec.name)
      throw std::logic_error("method '" + method.spec.name + "' declared twice");
  methods_.push_back(std::move(method));
}

const Method& Registry::find(const std::string& name) const {
  for (const auto& method : methods_)
    if (method.spec.name == name) return method;
  std::string names;
  for (const auto& method : methods_) names += (names.empty() ? "" : ", ") + method.spec.name;
  throw ParameterError("unknown method '" + name + "'; available: " + names);
}

}  // namespace lqs
