#pragma once
// Runs methods through a real engine (every family, this machine's devices) with a throw-away store.
#include <map>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "tests/support/test_support.hpp"

namespace lqs::test {

class MethodRunner {
 public:
  MethodRunner();
  // Runs `implementation` (or the agent's choice when empty) and returns the primary output stack.
  Stack stack(const std::string& method, std::vector<Data> inputs, const std::map<std::string, std::string>& params,
              const std::string& implementation = "");
  RunReport report(const std::string& method, std::vector<Data> inputs,
                   const std::map<std::string, std::string>& params, const std::string& implementation = "");
  std::vector<std::string> implementations(const std::string& method) const;
  Engine& engine() { return *engine_; }

 private:
  TempDir home_;
  Registry registry_;
  std::unique_ptr<RunStore> store_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace lqs::test
