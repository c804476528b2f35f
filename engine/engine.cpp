#include "engine/engine.hpp"

#include <algorithm>
#include <chrono>

#include "core/errors.hpp"
#include "engine/frame_blocks.hpp"
#include "engine/implementation_selector.hpp"
#include "engine/signature.hpp"

namespace lqs {

Clocks Clocks::system() {
  return {[] { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); },
          [] { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }};
}

std::string factoryKey(const std::string& implementation) {
  if (implementation.rfind("cpu:", 0) == 0) return implementation;
  return implementation.substr(0, implementation.find(':'));
}

void checkInputs(const MethodSpec& spec, const std::vector<Data>& inputs) {
  std::size_t required = 0;
  for (const auto& port : spec.inputs) required += port.optional ? 0 : 1;
  if (inputs.size() < required || inputs.size() > spec.inputs.size())
    throw ParameterError(spec.name + " takes " + std::to_string(required) +
                         (required == spec.inputs.size() ? "" : "-" + std::to_string(spec.inputs.size())) +
                         " input(s), got " + std::to_string(inputs.size()));
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const bool isStack = !std::holds_alternative<Table>(inputs[i]);
    const bool wantStack = spec.inputs[i].kind == DataKind::Stack;
    if (isStack != wantStack)
      throw InputError(spec.name + ": input '" + spec.inputs[i].name + "' must be " +
                       (wantStack ? "a TIFF image" : "a CSV table"));
    if (!isStack) continue;
    const FrameBlocks stack(inputs[i]);
    if (stack.frames() * stack.frameSize() == 0)
      throw InputError(spec.name + ": input '" + spec.inputs[i].name + "' is empty");
    if (stack.channels() > 1 && !spec.framesIndependent) {
      const std::string channels = std::to_string(stack.channels());
      throw InputError(spec.name + ": input '" + spec.inputs[i].name + "' holds " + channels +
                       " channels interleaved in its frames, and " + spec.name +
                       " takes its frames as one time series: run it on one channel (lqs run --channel N, "
                       "a workflow step's \"channel\": N, N from 1 to " +
                       channels + ")");
    }
  }
}

// A method that processes each frame alone keeps its input's channels and planes in the outputs of
// as many frames, which its implementations need not carry themselves.
static void keepAxesOfInput(const MethodSpec& spec, const std::vector<Data>& inputs, Result& result) {
  const Stack* input = inputs.empty() ? nullptr : std::get_if<Stack>(&inputs.front());
  if (!spec.framesIndependent || !input || (input->channels == 1 && input->planes == 1)) return;
  for (Output& output : result.outputs)
    if (auto* stack = std::get_if<Stack>(&output.data); stack && stack->frames() == input->frames()) {
      stack->channels = input->channels;
      stack->planes = input->planes;
    }
}

struct Engine::Prepared {
  const Method& method;
  ParamValues params;
  Signature signature;
  const RunRequest& request;
};

Engine::Engine(const Registry& registry, RunStore& store, Agent agent, Clocks clocks)
    : registry_(registry), store_(store), agent_(std::move(agent)), clocks_(std::move(clocks)) {}

Engine::Prepared Engine::prepare(const RunRequest& request) {
  const Method& method = registry_.find(request.method);
  checkInputs(method.spec, request.inputs);
  ParamValues params = resolveParameters(method.spec.params, request.params, method.spec.name);
  Signature signature = signatureOf(method.spec, request.inputs, params);
  return {method, std::move(params), std::move(signature), request};
}

MethodHistory& Engine::historyOf(const std::string& method) {
  auto it = histories_.find(method);
  if (it == histories_.end()) it = histories_.emplace(method, MethodHistory(store_.runsOf(method))).first;
  return it->second;
}

void Engine::drainStoreWarning(RunReport& report) {
  if (auto warning = store_.takeWarning()) report.warnings.push_back(std::move(*warning));
}

Result Engine::timedRun(const Prepared& p, const Implementation& impl, const Job& job, RunReport& report) {
  const RunContext context{p.request.inputs, p.params, job};
  RunRecord record{p.method.spec.name, impl.name, impl.device.identity(), p.signature.text, p.signature.score};
  const double start = clocks_.elapsed();
  try {
    Result result = impl.run(context);
    record.seconds = clocks_.elapsed() - start;
    record.time = clocks_.now();
    keepAxesOfInput(p.method.spec, p.request.inputs, result);
    std::lock_guard lock(mutex_);
    store_.record(record);
    historyOf(record.method).add(record);
    report.implementation = impl.name;
    report.seconds = record.seconds;
    drainStoreWarning(report);
    return result;
  } catch (const DeviceError&) {
    record.ok = false;
    record.seconds = clocks_.elapsed() - start;
    record.time = clocks_.now();
    std::lock_guard lock(mutex_);
    store_.record(record);
    historyOf(record.method).add(record);
    drainStoreWarning(report);
    throw;
  }
}

static const Implementation& findImplementation(const Method& method, const std::string& name) {
  for (const auto& impl : method.implementations)
    if (impl.name == name) return impl;
  std::string names;
  for (const auto& impl : method.implementations) names += (names.empty() ? "" : ", ") + impl.name;
  throw ParameterError("implementation '" + name + "' of " + method.spec.name + " is not available here; available: " +
                       names);
}

RunReport Engine::runImplementation(const RunRequest& request, const std::string& implementation, const Job& job) {
  const Prepared p = prepare(request);
  return runExactly(p, findImplementation(p.method, implementation), job, RunReport{});
}

RunReport Engine::runExactly(const Prepared& p, const Implementation& impl, const Job& job,
                             RunReport report) {
  if (impl.refusal)
    if (const auto reason = impl.refusal({p.request.inputs, p.params, job}))
      throw RunError(impl.name + " cannot take this input: " + *reason);
  report.result = timedRun(p, impl, job, report);
  return report;
}

std::vector<Prediction> Engine::predict(const RunRequest& request) {
  const Prepared p = prepare(request);
  std::vector<Candidate> candidates;
  for (const auto& impl : p.method.implementations)
    candidates.push_back({impl.name, impl.device.identity(), impl.device.name, factoryKey(impl.name)});
  std::lock_guard lock(mutex_);
  return agent_.rank(p.method.spec.name, p.signature.text, p.signature.score, candidates,
                     historyOf(p.method.spec.name), clocks_.now());
}

std::vector<const Implementation*> Engine::allowed(const Method& method, const RunRequest& request,
                                                   RunReport& report) const {
  if (request.implementation) return requireImplementations(method, *request.implementation);
  if (pinned_.empty()) return {};
  auto pinned = selectImplementations(method, pinned_);
  if (pinned.empty()) {
    pinned = selectImplementations(method, "cpu");
    report.warnings.push_back("LQS_DEVICE=" + pinned_ + ": " + method.spec.name +
                              " has no implementation there; it runs on the CPU");
  }
  return pinned;
}

RunReport Engine::run(const RunRequest& request, const Job& job) {
  const Prepared p = prepare(request);
  const RunContext context{request.inputs, p.params, job};
  RunReport report;
  const std::vector<const Implementation*> allowed = this->allowed(p.method, request, report);
  // One implementation named by the user runs as asked, or fails: no silent fall-back elsewhere.
  if (request.implementation && allowed.size() == 1)
    return runExactly(p, *allowed.front(), job, std::move(report));
  std::vector<const Implementation*> order;
  for (const Prediction& prediction : predict(request)) {
    const Implementation& impl = findImplementation(p.method, prediction.implementation);
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), &impl) == allowed.end()) continue;
    if (impl.refusal)
      if (const auto reason = impl.refusal(context)) {
        report.warnings.push_back(impl.name + " skipped: " + *reason);
        continue;
      }
    order.push_back(&impl);
  }
  for (const Implementation* impl : order) {
    try {
      report.result = timedRun(p, *impl, job, report);
      return report;
    } catch (const DeviceError& e) {
      report.warnings.push_back(impl->name + " failed (" + e.what() + "); falling back to the next implementation");
    }
  }
  throw RunError("every implementation of " + p.method.spec.name + (allowed.empty() ? "" : " selected") +
                 " failed" +
                 (report.warnings.empty() ? std::string(" (none could take this input)")
                                          : ": " + report.warnings.back()));
}

}  // namespace lqs
