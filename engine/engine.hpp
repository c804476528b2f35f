#pragma once
// Runs a method: validates inputs and parameters, lets the agent rank the implementations (or takes
// the forced one), times the run, records it in the store, and falls back to the next best when an
// implementation fails with a DeviceError.
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "engine/agent.hpp"
#include "engine/method.hpp"
#include "engine/registry.hpp"
#include "engine/run_store.hpp"

namespace lqs {

struct RunRequest {
  std::string method;
  std::vector<Data> inputs;
  std::map<std::string, std::string> params;  // user text, validated against the declaration
  // --impl, in any form of engine/implementation_selector.hpp: one implementation runs exactly
  // that one; several (a back end, a device) let the agent choose among them.
  std::optional<std::string> implementation;
};

struct RunReport {
  std::string implementation;  // the one that produced the result
  double seconds = 0;
  Result result;
  std::vector<std::string> warnings;  // fall-backs, store problems: tell the user once
};

struct Clocks {
  std::function<double()> elapsed;  // monotonic seconds, for timing runs
  std::function<double()> now;      // unix seconds, for the store
  static Clocks system();
};

class Engine {
 public:
  Engine(const Registry& registry, RunStore& store, Agent agent, Clocks clocks = Clocks::system());

  RunReport run(const RunRequest& request, const Job& job);
  // Runs one implementation and records it; throws what it throws (DeviceError included).
  RunReport runImplementation(const RunRequest& request, const std::string& implementation, const Job& job);
  // The agent's ranking for this request without running anything (for `lqs bench`, the GUI).
  std::vector<Prediction> predict(const RunRequest& request);

  // Every later run without an implementation of its own runs on what `selector` names (LQS_DEVICE);
  // a method with nothing there runs on the CPU and says so.
  void pin(std::string selector) { pinned_ = std::move(selector); }

  const Registry& registry() const { return registry_; }
  RunStore& store() { return store_; }

 private:
  struct Prepared;
  Prepared prepare(const RunRequest& request);
  RunReport runExactly(const Prepared& prepared, const Implementation& impl, const Job& job,
                       RunReport report);
  Result timedRun(const Prepared& prepared, const Implementation& impl, const Job& job, RunReport& report);
  MethodHistory& historyOf(const std::string& method);
  // The implementations a run may use (empty: all of them).
  std::vector<const Implementation*> allowed(const Method& method, const RunRequest& request,
                                             RunReport& report) const;
  void drainStoreWarning(RunReport& report);

  const Registry& registry_;
  RunStore& store_;
  Agent agent_;
  Clocks clocks_;
  std::string pinned_;
  std::map<std::string, MethodHistory> histories_;
  std::mutex mutex_;  // the GUI's engine thread and benchmark threads may share one engine
};

// Checks the inputs against the declaration (count and kind); throws InputError/ParameterError.
void checkInputs(const MethodSpec& spec, const std::vector<Data>& inputs);
// What factory benchmarks key an implementation by: "cpu:tbb" as it is, "opencl:<device>" as "opencl".
std::string factoryKey(const std::string& implementation);

}  // namespace lqs
