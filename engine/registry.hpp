#pragma once
// All methods this build offers, with the implementations this machine can run.
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

class Registry {
 public:
  void add(Method method);
  const Method& find(const std::string& name) const;  // throws ParameterError listing the names
  const std::vector<Method>& methods() const { return methods_; }

 private:
  std::vector<Method> methods_;
};

}  // namespace lqs
