#pragma once
// Times every implementation of a method on one request, a few runs each; every run is recorded in
// the store like any other. Shared by `lqs bench` and the GUI's Liquid Engine view.
#include <functional>
#include <string>
#include <vector>

#include "engine/engine.hpp"

namespace lqs {

struct BenchmarkResult {
  std::string implementation;
  std::vector<double> runs;  // seconds of the successful runs
  std::string error;         // why it stopped, when it failed
  double median() const;     // 0 without runs
};

// Fastest median first, implementations without a successful run last. An implementation that
// fails (DeviceError, RunError) is not run again. `afterRun(done, total)` follows every attempt.
// `only`: the implementations named by one of these (engine/implementation_selector.hpp) or whose
// names start with one (all when empty).
std::vector<BenchmarkResult> benchmarkImplementations(
    Engine& engine, const RunRequest& request, int repeat, const Job& job,
    const std::function<void(std::size_t done, std::size_t total)>& afterRun = {},
    const std::vector<std::string>& only = {});

}  // namespace lqs
