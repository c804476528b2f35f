// Liquid Engine benchmarks (not tests): the paper's delay experiment replayed with conv2d, the
// agent's choice overhead with 10,000 stored runs, and its regret on a mixed-size workload.
// Usage: lqs_engine_bench [SIZE]   (image SIZE x SIZE, default 1000; run with LIQUID_ENGINE_HOME set)
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>

#include "core/random_stack.hpp"
#include "engine/engine.hpp"
#include "engine/factory_benchmarks.hpp"
#include "gpu/devices.hpp"
#include "methods/register_all.hpp"

using namespace lqs;

namespace {

double now() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

RunRequest conv2d(std::size_t size, std::optional<std::string> impl = std::nullopt) {
  return {"conv2d", {randomStack(1, size, size, 1), randomStack(1, 9, 9, 2)}, {}, impl};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// A second process loading the device during calls 101-200 (LQS_BENCH_LOAD="shell command"), as
// in the paper; without it the fastest implementation repeats its work 5 times there instead.
class Load {
 public:
  void start(const char* command) {
    pid_ = fork();
    if (pid_ == 0) {
      setpgid(0, 0);
      execl("/bin/sh", "sh", "-c", command, static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  void stop() {
    if (pid_ > 0) kill(-pid_, SIGKILL), kill(pid_, SIGKILL), waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  ~Load() { stop(); }

 private:
  pid_t pid_ = -1;
};

// Replays 400 calls with the fastest implementation delayed during calls 101-200.
void delayExperiment(const Registry& base, std::size_t size) {
  Registry registry;
  Method method = base.find("conv2d");
  std::map<std::string, double> typical;
  const Job job;
  for (auto& impl : method.implementations) {
    std::vector<double> t;
    impl.run({conv2d(size).inputs, ParamValues(), job});  // warm-up: contexts, program builds
    for (int i = 0; i < 3; ++i) {
      const double start = now();
      impl.run({conv2d(size).inputs, ParamValues(), job});
      t.push_back(now() - start);
    }
    typical[impl.name] = median(t);
  }
  const auto fastest = std::min_element(typical.begin(), typical.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
  static int call = 0;
  const char* loadCommand = std::getenv("LQS_BENCH_LOAD");
  std::printf("delay experiment: conv2d 9x9 on %zux%zu, fastest %s, delay by %s\n", size, size, fastest.c_str(),
              loadCommand ? loadCommand : "repeating its work 5 times");
  for (auto& impl : method.implementations) {
    if (impl.name != fastest || loadCommand) continue;
    auto inner = impl.run;
    impl.run = [inner](const RunContext& c) {
      const int repeats = call > 100 && call <= 200 ? 5 : 1;
      Result r;
      for (int i = 0; i < repeats; ++i) r = inner(c);
      return r;
    };
  }
  registry.add(method);
  for (const bool agentChooses : {true, false}) {
    RunStore store(RunStore::defaultFile().parent_path() / (agentChooses ? "agent.sqlite" : "fixed.sqlite"));
    store.clear();
    Engine engine(registry, store, Agent(factoryBenchmarks(), 42));
    double total = 0;
    int leftAt = -1, returnedAt = -1, probes = 0;
    Load load;
    for (call = 1; call <= 400; ++call) {
      if (loadCommand && call == 101) load.start(loadCommand);
      if (call == 201) load.stop();
      const RunReport r = engine.run(conv2d(size, agentChooses ? std::nullopt : std::optional(fastest)), job);
      if (std::getenv("LQS_BENCH_VERBOSE") && agentChooses && call >= 95 && call <= 110) {
        std::printf("call %d: %s %.4f s; next ranking:", call, r.implementation.c_str(), r.seconds);
        for (const auto& p : engine.predict(conv2d(size))) std::printf(" %s=%.4f%s", p.implementation.c_str(), p.seconds, p.delayed ? "(delayed)" : "");
        std::printf("\n");
      }
      total += r.seconds;
      if (call > 100 && call <= 200) {
        if (r.implementation != fastest && leftAt < 0) leftAt = call - 100;
        if (r.implementation == fastest) ++probes;
      }
      if (call > 200 && r.implementation == fastest && returnedAt < 0) returnedAt = call - 200;
    }
    std::printf("%-28s mean %.4f s over 400 calls", agentChooses ? "agent" : ("always " + fastest).c_str(), total / 400);
    if (agentChooses) std::printf("; left after %d delayed calls, probed it %d times, back %d calls after the delay", leftAt, probes, returnedAt);
    std::printf("\n");
  }
}

void choiceOverhead() {
  std::vector<RunRecord> runs;
  std::mt19937_64 rng(1);
  for (int i = 0; i < 10000; ++i)
    runs.push_back({"m", "impl" + std::to_string(i % 4), "dev" + std::to_string(i % 4), "sig" + std::to_string(i % 50),
                    double(1 + i % 50), 0.01 * (1 + int(rng() % 100)) / 100.0, double(i), true});
  MethodHistory history(runs);
  Agent agent({}, 1);
  std::vector<Candidate> candidates;
  for (int k = 0; k < 4; ++k)
    candidates.push_back({"impl" + std::to_string(k), "dev" + std::to_string(k), "dev" + std::to_string(k), "cpu:tbb"});
  const int calls = 20000;
  const double start = now();
  std::size_t checksum = 0;
  for (int i = 0; i < calls; ++i) checksum += agent.rank("m", "sig" + std::to_string(i % 60), 1 + i % 60, candidates, history, 1e9).size();
  std::printf("agent choice with 10,000 stored runs: %.1f us per call (%zu)\n", (now() - start) / calls * 1e6, checksum);
}

void mixedRegret(const Registry& registry) {
  RunStore store(RunStore::defaultFile().parent_path() / "mixed.sqlite");
  store.clear();
  Engine engine(registry, store, Agent(factoryBenchmarks(), 3));
  const Job job;
  const std::vector<std::size_t> sizes{32, 128, 512, 1024};
  std::map<std::pair<std::size_t, std::string>, std::vector<double>> measured;
  for (std::size_t size : sizes)
    for (const auto& impl : registry.find("conv2d").implementations)
      for (int i = 0; i < 3; ++i) measured[{size, impl.name}].push_back(engine.run(conv2d(size, impl.name), job).seconds);
  std::map<std::size_t, double> best;
  for (const auto& [key, times] : measured)
    best[key.first] = best.count(key.first) ? std::min(best[key.first], median(times)) : median(times);
  std::mt19937_64 rng(9);
  double agentTotal = 0, bestTotal = 0;
  for (int i = 0; i < 200; ++i) {
    const std::size_t size = sizes[rng() % sizes.size()];
    const RunReport r = engine.run(conv2d(size), job);
    agentTotal += median(measured[{size, r.implementation}]);  // typical cost of the choice, free of timing noise
    bestTotal += best[size];
  }
  std::printf("mixed sizes (32..1024), 200 calls: agent %.3f s vs always-best %.3f s: regret %.1f%%\n", agentTotal,
              bestTotal, 100 * (agentTotal / bestTotal - 1));
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t size = argc > 1 ? std::stoul(argv[1]) : 1000;
  const Registry registry = buildRegistry(gpu::discoverDevices(gpu::disabledBackendsFromEnvironment()));
  choiceOverhead();
  mixedRegret(registry);
  delayExperiment(registry, size);
}
