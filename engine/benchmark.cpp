#include "engine/benchmark.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "engine/implementation_selector.hpp"

namespace lqs {

double BenchmarkResult::median() const {
  if (runs.empty()) return 0;
  std::vector<double> sorted = runs;
  std::sort(sorted.begin(), sorted.end());
  return sorted[sorted.size() / 2];
}

std::vector<BenchmarkResult> benchmarkImplementations(
    Engine& engine, const RunRequest& request, int repeat, const Job& job,
    const std::function<void(std::size_t done, std::size_t total)>& afterRun, const std::vector<std::string>& only) {
  const Method& method = engine.registry().find(request.method);
  std::vector<const Implementation*> chosen;
  for (const auto& impl : method.implementations) {
    const auto named = [&](const std::string& selector) {
      const auto selected = selectImplementations(method, selector);
      return impl.name.starts_with(selector) ||
             std::find(selected.begin(), selected.end(), &impl) != selected.end();
    };
    if (only.empty() || std::any_of(only.begin(), only.end(), named)) chosen.push_back(&impl);
  }
  if (chosen.empty())
    throw ParameterError("bench: no implementation of " + request.method +
                         " matches the --impl given; use one of: " + selectorForms(method));
  const std::size_t total = chosen.size() * std::size_t(std::max(repeat, 0));
  std::size_t done = 0;
  std::vector<BenchmarkResult> measured;
  for (const Implementation* chosenImpl : chosen) {
    const Implementation& impl = *chosenImpl;
    BenchmarkResult m{impl.name, {}, {}};
    for (int r = 0; r < repeat && m.error.empty(); ++r) {
      try {
        m.runs.push_back(engine.runImplementation(request, impl.name, job).seconds);
      } catch (const DeviceError& e) {
        m.error = e.what();
      } catch (const RunError& e) {
        m.error = e.what();
      }
      job.checkCancelled();
      if (afterRun) afterRun(++done, total);
    }
    measured.push_back(std::move(m));
  }
  std::stable_sort(measured.begin(), measured.end(), [](const BenchmarkResult& a, const BenchmarkResult& b) {
    if (a.runs.empty() != b.runs.empty()) return b.runs.empty();
    return a.median() < b.median();
  });
  return measured;
}

}  // namespace lqs
