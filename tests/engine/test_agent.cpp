#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "engine/run_history.hpp"
#include "tests/engine/fake_method.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

struct Rig {
  std::shared_ptr<FakeWorld> world = std::make_shared<FakeWorld>();
  TempDir home;
  Registry registry;
  RunStore store;
  Engine engine;
  Rig(const std::vector<std::string>& names, const std::vector<std::string>& devices, std::uint64_t seed = 3)
      : registry(fakeRegistry(world, names, devices)),
        store(home / "runs.sqlite"),
        engine(registry, store, Agent({}, seed), fakeClocks(world)) {}
  std::string run(std::size_t pixels = 100) {
    ++world->call;
    const Job job;
    return engine.run({"fake", {Stack(1, 1, pixels)}, {}, std::nullopt}, job).implementation;
  }
};

}  // namespace

TEST_CASE("the agent converges to the fastest implementation") {
  Rig rig({"cpu:slow", "cpu:fast", "cpu:medium"}, {"a", "b", "c"});
  rig.world->seconds = [](const std::string& name, std::size_t, std::size_t) {
    return name == "cpu:fast" ? 0.01 : name == "cpu:medium" ? 0.02 : 0.05;
  };
  for (int i = 0; i < 9; ++i) rig.run();  // three trusted runs each
  for (int i = 0; i < 20; ++i) CHECK(rig.run() == "cpu:fast");
}

TEST_CASE("the agent follows a crossover as the input grows") {
  Rig rig({"cpu:small", "gpu:large"}, {"cpu", "gpu"});
  // fixed overhead on the GPU, per-pixel cost on the CPU
  rig.world->seconds = [](const std::string& name, std::size_t, std::size_t pixels) {
    return name == "cpu:small" ? 1e-6 * double(pixels) : 0.01 + 1e-8 * double(pixels);
  };
  for (std::size_t pixels : {100u, 1000000u})
    for (int i = 0; i < 6; ++i) rig.run(pixels);
  CHECK(rig.run(100) == "cpu:small");
  CHECK(rig.run(1000000) == "gpu:large");
  CHECK(rig.run(200) == "cpu:small");       // nearest known size
  CHECK(rig.run(900000) == "gpu:large");
}

TEST_CASE("runs at this very size, however few, outweigh many at another size") {
  Rig rig({"cpu:small", "cpu:large"}, {"cpu", "cpu"});
  // cpu:small is fast on small inputs only; cpu:large is steady
  rig.world->seconds = [](const std::string& name, std::size_t, std::size_t pixels) {
    return name == "cpu:small" ? 1e-6 * double(pixels) : 0.05;
  };
  const Job job;
  const auto runOn = [&](const std::string& implementation, std::size_t pixels) {
    ++rig.world->call;
    rig.engine.run({"fake", {Stack(1, 1, pixels)}, {}, implementation}, job);
  };
  for (int i = 0; i < 3; ++i) runOn("cpu:small", 100);        // trusted, 1e-4 s, at 100 pixels
  for (int i = 0; i < 3; ++i) runOn("cpu:large", 1000000);    // trusted, 0.05 s, at a million
  runOn("cpu:small", 1000000);                                // once, 1 s, at a million
  const RunRequest large{"fake", {Stack(1, 1, 1000000)}, {}, std::nullopt};
  CHECK(rig.engine.predict(large).front().implementation == "cpu:large");
  CHECK(rig.engine.predict(large).back().seconds == Approx(1.0));
}

TEST_CASE("the agent leaves a delayed implementation, keeps probing it and returns when the delay ends") {
  Rig rig({"gpu:fast", "cpu:steady"}, {"gpu", "cpu"}, 11);
  rig.world->seconds = [](const std::string& name, std::size_t call, std::size_t) {
    if (name == "cpu:steady") return 0.02 + 1e-4 * double(call % 3);
    const bool delayed = call > 100 && call <= 200;
    return (delayed ? 0.2 : 0.01) + 1e-4 * double(call % 3);
  };
  std::vector<std::string> chosen;
  for (int i = 0; i < 300; ++i) chosen.push_back(rig.run());
  auto countFast = [&](int from, int to) {
    return std::count(chosen.begin() + from, chosen.begin() + to, "gpu:fast");
  };
  CHECK(countFast(50, 100) == 50);   // before: always the fast one
  CHECK(countFast(120, 200) < 40);   // during: mostly away
  CHECK(countFast(101, 200) > 0);    // but still probing
  CHECK(countFast(260, 300) == 40);  // after: back
}

TEST_CASE("a failing implementation falls back to the next best and is skipped afterwards") {
  Rig rig({"gpu:broken", "cpu:ok"}, {"gpu", "cpu"});
  rig.world->seconds = [](const std::string& name, std::size_t, std::size_t) { return name == "gpu:broken" ? -1.0 : 0.05; };
  for (int i = 0; i < 5; ++i) CHECK(rig.run() == "cpu:ok");
  std::size_t failures = 0;
  for (const auto& run : rig.store.allRuns()) failures += run.ok ? 0 : 1;
  CHECK(failures == 1);  // tried once, then skipped until the retry delay passes
}

TEST_CASE("every implementation failing is a RunError; a forced one that is absent is a ParameterError") {
  Rig rig({"gpu:broken"}, {"gpu"});
  rig.world->seconds = [](const std::string&, std::size_t, std::size_t) { return -1.0; };
  CHECK_THROWS_AS(rig.run(), RunError);
  const Job job;
  CHECK_THROWS_AS(rig.engine.run({"fake", {Stack(1, 1, 4)}, {}, std::string("cpu:nope")}, job), ParameterError);
}

TEST_CASE("delay statistics follow the paper's equations") {
  const std::vector<double> steady(20, 1.0);
  CHECK_FALSE(delayState(steady).delayed);
  std::vector<double> runs;
  for (int i = 0; i < 20; ++i) runs.push_back(1.0 + 0.01 * (i % 2));
  runs.push_back(5.0);
  const DelayState state = delayState(runs);
  CHECK(state.delayed);
  CHECK(state.factor == Approx(5.0 / timingStats(runs).fastAverage));
  CHECK(delayPersistence({false, false, true, true, true, false}) == Approx(2.0 / 3.0));
  CHECK(delayPersistence({false, false, false}) == Approx(0.01));
}

TEST_CASE("factory benchmarks rank a cold start, then implementations known only from them are tried") {
  const std::vector<Candidate> candidates{{"cpu:tbb", "cpu", "cpu", "cpu:tbb"}, {"gpu:x", "gpu", "gpu", "gpu"}};
  Agent agent({{"m", "cpu:tbb", 100, 0.01}, {"m", "gpu", 100, 0.5}}, 1);
  MethodHistory history;
  auto ranked = agent.rank("m", "s", 100, candidates, history, 1e9);
  CHECK(ranked.front().implementation == "cpu:tbb");
  CHECK(ranked.front().source == Prediction::Source::Factory);
  for (int i = 0; i < 3; ++i) history.add({"m", "cpu:tbb", "cpu", "s", 100, 0.01, 1e9 + i, true});
  ranked = agent.rank("m", "s", 100, candidates, history, 1e9);
  CHECK(ranked.front().implementation == "gpu:x");  // the factory said slow, but it is another machine's word
  CHECK(ranked.front().source == Prediction::Source::Untried);
}

TEST_CASE(
    "a CPU implementation the factory puts far behind one measured here is not tried; a close one or a GPU "
    "is") {
  const std::vector<Candidate> candidates{{"cpu:tbb", "cpu", "cpu", "cpu:tbb"},
                                          {"cpu:unthreaded", "cpu", "cpu", "cpu:unthreaded"},
                                          {"gpu:x", "gpu", "gpu", "gpu"}};
  // the factory machine: unthreaded 4x tbb, the GPU 10x slower than tbb (another machine's word)
  Agent agent({{"m", "cpu:tbb", 100, 1.0}, {"m", "cpu:unthreaded", 100, 4.0}, {"m", "gpu", 100, 10.0}}, 1);
  MethodHistory history;
  for (int i = 0; i < 3; ++i) history.add({"m", "cpu:tbb", "cpu", "s", 100, 2.0, 1e9 + i, true});
  auto ranked = agent.rank("m", "s", 100, candidates, history, 1e9);
  CHECK(ranked[0].implementation == "gpu:x");  // untried hardware: tried once
  CHECK(ranked[0].source == Prediction::Source::Untried);
  CHECK(ranked[1].implementation == "cpu:tbb");
  CHECK(ranked[2].implementation == "cpu:unthreaded");  // estimated 4 x 2 s = 8 s: last, not first
  CHECK(ranked[2].source == Prediction::Source::Factory);
  CHECK(ranked[2].seconds == Approx(8.0));

  history.add({"m", "gpu:x", "gpu", "s", 100, 0.5, 1e9 + 5, true});
  ranked = agent.rank("m", "s", 100, candidates, history, 1e9);
  CHECK(ranked[0].implementation == "gpu:x");
  CHECK(ranked[2].implementation == "cpu:unthreaded");

  // where the factory puts the untried one within twice the fastest measured, it is tried first
  Agent close({{"m", "cpu:tbb", 100, 1.0}, {"m", "cpu:unthreaded", 100, 1.5}}, 1);
  MethodHistory tbbOnly;
  for (int i = 0; i < 3; ++i) tbbOnly.add({"m", "cpu:tbb", "cpu", "s", 100, 2.0, 1e9 + i, true});
  ranked = close.rank("m", "s", 100, {candidates[0], candidates[1]}, tbbOnly, 1e9);
  CHECK(ranked[0].implementation == "cpu:unthreaded");
  CHECK(ranked[0].source == Prediction::Source::Untried);

  // a CPU variant the factory does not know (cpu:simd) measured here stands against cpu:tbb's figure
  const Candidate simd{"cpu:simd", "cpu", "cpu", "cpu:simd"};
  MethodHistory simdOnly;
  for (int i = 0; i < 3; ++i) simdOnly.add({"m", "cpu:simd", "cpu", "s", 100, 0.5, 1e9 + i, true});
  ranked = agent.rank("m", "s", 100, {candidates[0], candidates[1], simd}, simdOnly, 1e9);
  CHECK(ranked[0].implementation == "cpu:tbb");  // untried, the factory's equal of the reference: tried
  CHECK(ranked[1].implementation == "cpu:simd");
  CHECK(ranked[2].implementation == "cpu:unthreaded");  // at least 4 x 0.5 s
  CHECK(ranked[2].seconds == Approx(2.0));

  // once cpu:tbb is measured too, its own factory figure is the reference: 4 x 2 s, not 4 x 0.5 s
  for (int i = 0; i < 3; ++i) simdOnly.add({"m", "cpu:tbb", "cpu", "s", 100, 2.0, 1e9 + 10 + i, true});
  ranked = agent.rank("m", "s", 100, {candidates[0], candidates[1], simd}, simdOnly, 1e9);
  CHECK(ranked[0].implementation == "cpu:simd");
  CHECK(ranked[2].implementation == "cpu:unthreaded");
  CHECK(ranked[2].seconds == Approx(8.0));
}
