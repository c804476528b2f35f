// The crossover table (paper, Extended Data Fig. 2): for a few methods and input sizes, the median
// seconds of every implementation on this machine, then the implementation the agent picks once
// those runs are in its store. Small inputs should go to the CPU, large ones to a GPU.
// Usage: lqs_crossover_bench [--quick] [METHOD...]   (all methods when none is named; run with
// LIQUID_ENGINE_HOME pointing at a scratch folder)
// Prints Markdown tables (docs/benchmarks-crossover.md keeps the committed ones).
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "core/random_stack.hpp"
#include "engine/engine.hpp"
#include "engine/factory_benchmarks.hpp"
#include "gpu/devices.hpp"
#include "methods/register_all.hpp"

using namespace lqs;

namespace {

struct Case {
  std::string method;
  std::map<std::string, std::string> params;
  std::vector<std::array<std::size_t, 3>> shapes;  // T, H, W of the image input
  bool kernelInput = false;                         // conv2d's second input: a 9x9 kernel
};

RunRequest requestFor(const Case& c, const std::array<std::size_t, 3>& shape) {
  RunRequest request{c.method, {randomStack(shape[0], shape[1], shape[2], 1)}, c.params, std::nullopt};
  if (c.kernelInput) request.inputs.push_back(randomStack(1, 9, 9, 2));
  return request;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

// One warm-up run (contexts, program builds), then up to `repeat` timed runs or `budget` seconds.
// An implementation whose warm-up took longer than the budget joins `tooSlow` and is not run at the
// larger sizes that follow (it cannot win there, and would hold the bench for minutes).
std::map<std::string, double> timeAll(Engine& engine, const Method& method, const RunRequest& request,
                                      int repeat, double budget, std::set<std::string>& tooSlow) {
  std::map<std::string, double> medians;
  const Job job;
  for (const auto& impl : method.implementations) {
    if (tooSlow.count(impl.name)) continue;
    std::vector<double> runs;
    try {
      const double first = engine.runImplementation(request, impl.name, job).seconds;
      if (first > budget) tooSlow.insert(impl.name);
      for (int i = 0; i < repeat && (i == 0 || first * (i + 1) < budget); ++i)
        runs.push_back(engine.runImplementation(request, impl.name, job).seconds);
      medians[impl.name] = median(runs);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "%s on %s: %s\n", method.spec.name.c_str(), impl.name.c_str(), e.what());
    }
  }
  return medians;
}

void crossover(Engine& engine, const Case& c, int repeat, double budget) {
  const Method& method = engine.registry().find(c.method);
  std::printf("\n### %s", c.method.c_str());
  for (const auto& [name, value] : c.params) std::printf(" %s=%s", name.c_str(), value.c_str());
  std::printf("\n| input T×H×W |");
  for (const auto& impl : method.implementations) std::printf(" %s |", impl.name.c_str());
  std::printf(" agent picks |\n|---|");
  for (std::size_t i = 0; i <= method.implementations.size(); ++i) std::printf("---|");
  std::printf("\n");
  std::set<std::string> tooSlow;
  for (const auto& shape : c.shapes) {
    const RunRequest request = requestFor(c, shape);
    const auto medians = timeAll(engine, method, request, repeat, budget, tooSlow);
    std::printf("| %zu×%zu×%zu |", shape[0], shape[1], shape[2]);
    for (const auto& impl : method.implementations) {
      const auto it = medians.find(impl.name);
      it == medians.end() ? std::printf(" – |") : std::printf(" %.4g |", it->second);
    }
    std::printf(" %s |\n", engine.predict(request).front().implementation.c_str());
    std::fflush(stdout);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const std::vector<std::string> only(argv + 1 + (quick ? 1 : 0), argv + argc);
  const Registry registry = buildRegistry(gpu::discoverDevices(gpu::disabledBackendsFromEnvironment()));
  RunStore store(RunStore::defaultFile().parent_path() / "crossover.sqlite");
  store.clear();
  Engine engine(registry, store, Agent(factoryBenchmarks(), 7));
  using Shapes = std::vector<std::array<std::size_t, 3>>;
  std::vector<Case> cases = {
      {"magnify",
       {{"magnification", "5"}, {"interpolation", "catmull-rom"}},
       quick ? Shapes{{1, 16, 16}, {1, 128, 128}}
             : Shapes{{1, 16, 16}, {1, 64, 64}, {1, 300, 300}, {10, 300, 300}, {10, 1000, 1000}}},
      {"conv2d",
       {},
       quick ? Shapes{{1, 32, 32}, {1, 256, 256}}
             : Shapes{{1, 32, 32}, {1, 128, 128}, {1, 500, 500}, {1, 2000, 2000}, {10, 2000, 2000}},
       true},
  };
  // NLM: both filters at the defaults (patch 7), and the Gaussian one at a large patch, where the
  // pixel-wise strategy's patch^2 cost per shift loses most (the paper's Extended Data Fig. 1).
  const Shapes nlmShapes =
      quick ? Shapes{{1, 16, 16}, {1, 64, 64}}
            : Shapes{{1, 16, 16}, {1, 64, 64}, {1, 256, 256}, {1, 500, 500}, {1, 1000, 1000}};
  for (const char* weights : {"gaussian", "uniform"})
    cases.push_back({"nlm", {{"patch_weights", weights}}, nlmShapes});
  cases.push_back({"nlm",
                   {{"patch_size", "21"}, {"patch_distance", "5"}},
                   quick ? Shapes{{1, 64, 64}} : Shapes{{1, 64, 64}, {1, 256, 256}, {1, 500, 500}}});
  std::printf("median seconds of %s runs after one warm-up; the agent's pick uses those runs\n", quick ? "3" : "5");
  for (const auto& c : cases)
    if (only.empty() || std::find(only.begin(), only.end(), c.method) != only.end())
      crossover(engine, c, quick ? 3 : 5, quick ? 1.0 : 6.0);
}
