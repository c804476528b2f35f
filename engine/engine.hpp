#pragma once
// Runs a method: validates inputs and parameters, lets the agent choose an implementation (or
// takes the forced one), times it, records it, and falls back to the next best on a DeviceError.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/method.hpp"
#include "engine/registry.hpp"

namespace lqs {

struct RunRequest {
  std::string method;
  std::vector<Data> inputs;
  std::map<std::string, std::string> params;  // user text, validated against the declaration
  std::optional<std::string> implementation;  // --impl: run exactly this one
};

struct RunReport {
  std::string implementation;  // the one that produced the result
  double seconds = 0;
  Result result;
  std::vector<std::string> warnings;  // fall-backs, store problems: tell the user once
};

class Engine {
 public:
  explicit Engine(const Registry& registry) : registry_(registry) {}

  RunReport run(const RunRequest& request, const Job& job) const;
  const Registry& registry() const { return registry_; }

 private:
  const Registry& registry_;
};

// Checks the inputs against the declaration (count and kind); throws InputError/ParameterError.
void checkInputs(const MethodSpec& spec, const std::vector<Data>& inputs);

}  // namespace lqs
