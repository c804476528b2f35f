// Registers the example method, lets the Liquid Engine's agent choose an implementation run after
// run (its timings go to $LIQUID_ENGINE_HOME, default ~/.liquid_engine), then benchmarks both and
// checks they agree. Exit 0 when they do.
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "core/random_stack.hpp"
#include "engine/benchmark.hpp"
#include "engine/engine.hpp"
#include "engine/factory_benchmarks.hpp"
#include "temporal_mean.hpp"

int main() {
  lqs::Registry registry;
  registry.add(temporalMeanMethod());
  lqs::RunStore store(lqs::RunStore::defaultFile());
  lqs::Engine engine(registry, store, lqs::Agent(lqs::factoryBenchmarks()));
  lqs::Job job;

  lqs::RunRequest request{"temporal-mean", {lqs::randomStack(40, 512, 512, 1)}, {{"skip", "5"}}, std::nullopt};
  std::cout << "run store: " << store.file().string() << "\n";
  for (int run = 1; run <= 6; ++run) {
    const lqs::RunReport report = engine.run(request, job);
    std::cout << "run " << run << ": the agent chose " << report.implementation << " (" << report.seconds << " s)\n";
  }

  // Every implementation timed 3 times (recorded in the store like any run), fastest first.
  std::cout << std::left << std::setw(18) << "implementation" << "median of 3 runs\n";
  for (const auto& measured : lqs::benchmarkImplementations(engine, request, 3, job))
    std::cout << std::setw(18) << measured.implementation << measured.median() << " s\n";

  std::vector<lqs::Stack> results;
  for (const auto& impl : registry.find("temporal-mean").implementations)
    results.push_back(std::get<lqs::Stack>(engine.runImplementation(request, impl.name, job).result.outputs[0].data));
  const lqs::Stack& a = results[0];
  const lqs::Stack& b = results[1];
  const bool same = a.size() == b.size() && std::equal(a.data(), a.data() + a.size(), b.data());
  std::cout << (same ? "both implementations agree exactly\n" : "the implementations DISAGREE\n");
  return same ? 0 : 1;
}
