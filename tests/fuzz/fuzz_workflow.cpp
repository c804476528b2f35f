// libFuzzer target: workflow files (engine/workflow.hpp). Whatever parses must survive a round
// trip through workflowToJson unchanged.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.hpp"
#include "engine/workflow.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const lqs::Workflow workflow = lqs::parseWorkflow(text, "/fuzz");
    const lqs::Workflow again = lqs::parseWorkflow(lqs::workflowToJson(workflow), "/fuzz");
    if (again.steps.size() != workflow.steps.size()) std::abort();
    for (std::size_t i = 0; i < workflow.steps.size(); ++i) {
      const auto &a = workflow.steps[i], &b = again.steps[i];
      if (a.method != b.method || a.inputs != b.inputs || a.output != b.output || a.params != b.params) std::abort();
      for (const auto& input : a.inputs) workflow.resolve(input);
    }
  } catch (const lqs::InputError&) {
  } catch (const lqs::ParameterError&) {
  }
  return 0;
}
