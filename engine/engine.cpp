#include "engine/engine.hpp"

#include <chrono>

#include "core/errors.hpp"

namespace lqs {

void checkInputs(const MethodSpec& spec, const std::vector<Data>& inputs) {
  std::size_t required = 0;
  for (const auto& port : spec.inputs) required += port.optional ? 0 : 1;
  if (inputs.size() < required || inputs.size() > spec.inputs.size())
    throw ParameterError(spec.name + " takes " + std::to_string(required) +
                         (required == spec.inputs.size() ? "" : "-" + std::to_string(spec.inputs.size())) +
                         " input(s), got " + std::to_string(inputs.size()));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const bool isStack = std::holds_alternative<Stack>(inputs[i]);
    const bool wantStack = spec.inputs[i].kind == DataKind::Stack;
    if (isStack != wantStack)
      throw InputError(spec.name + ": input '" + spec.inputs[i].name + "' must be " +
                       (wantStack ? "a TIFF image" : "a CSV table"));
    if (isStack && std::get<Stack>(inputs[i]).empty())
      throw InputError(spec.name + ": input '" + spec.inputs[i].name + "' is empty");
  }
}

RunReport Engine::run(const RunRequest& request, const Job& job) const {
  const Method& method = registry_.find(request.method);
  checkInputs(method.spec, request.inputs);
  const ParamValues params = resolveParameters(method.spec.params, request.params, method.spec.name);
  const RunContext context{request.inputs, params, job};

  std::vector<const Implementation*> candidates;
  for (const auto& impl : method.implementations)
    if (!request.implementation || impl.name == *request.implementation) candidates.push_back(&impl);
  if (candidates.empty()) {
    std::string names;
    for (const auto& impl : method.implementations) names += (names.empty() ? "" : ", ") + impl.name;
    throw ParameterError("implementation '" + request.implementation.value_or("") + "' of " +
                         method.spec.name + " is not available here; available: " + names);
  }

  RunReport report;
  for (const Implementation* impl : candidates) {
    if (impl->refusal) {
      if (const auto reason = impl->refusal(context)) {
        report.warnings.push_back(impl->name + " skipped: " + *reason);
        continue;
      }
    }
    try {
      const auto start = std::chrono::steady_clock::now();
      report.result = impl->run(context);
      report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      report.implementation = impl->name;
      return report;
    } catch (const DeviceError& e) {
      report.warnings.push_back(impl->name + " failed (" + e.what() + "); falling back");
    }
  }
  throw RunError("every implementation of " + method.spec.name + " failed: " +
                 (report.warnings.empty() ? std::string("none eligible") : report.warnings.back()));
}

}  // namespace lqs
