// What a user types after --impl, in a workflow's "impl" or in LQS_DEVICE, and what runs.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "engine/engine.hpp"
#include "engine/implementation_selector.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

Device deviceOf(Backend backend, const std::string& name, int ordinal) {
  Device device;
  device.backend = backend;
  device.name = name;
  device.ordinal = ordinal;
  return device;
}

// Two OpenCL devices, one CUDA device with two variants; every implementation returns its own name
// as a note, or fails with a DeviceError when it is listed in `failing`.
Registry selectorRegistry(std::vector<std::string> failing = {}) {
  const Device cpu = deviceOf(Backend::Cpu, "A CPU", 0), gpu0 = deviceOf(Backend::OpenCL, "First GPU", 0),
               gpu1 = deviceOf(Backend::OpenCL, "Second GPU", 1), cuda = deviceOf(Backend::Cuda, "H200", 0);
  Method method{
      {"probe", "names what ran", {{"image", DataKind::Stack, ""}}, {{"image", DataKind::Stack, ""}}, {}},
      {}};
  const std::vector<std::pair<std::string, Device>> all{
      {"cpu:unthreaded", cpu},      {"cpu:tbb", cpu},
      {"opencl:First GPU", gpu0},   {"opencl-patchwise:First GPU", gpu0},
      {"opencl:Second GPU", gpu1},  {"cuda:H200", cuda},
      {"cuda-patchwise:H200", cuda}};
  for (const auto& [name, device] : all)
    method.implementations.push_back({name, device, [name, failing](const RunContext& c) {
                                        if (std::find(failing.begin(), failing.end(), name) != failing.end())
                                          throw DeviceError(name + " failed");
                                        Result result = Result::of("image", c.stack(0));
                                        result.notes.push_back(name);
                                        return result;
                                      }});
  Registry registry;
  registry.add(std::move(method));
  Method cpuOnly{
      {"cpu-only", "no GPU", {{"image", DataKind::Stack, ""}}, {{"image", DataKind::Stack, ""}}, {}},
      {{"cpu:tbb", cpu, [](const RunContext& c) { return Result::of("image", c.stack(0)); }}}};
  registry.add(std::move(cpuOnly));
  return registry;
}

std::vector<std::string> selected(const Registry& registry, const std::string& selector) {
  std::vector<std::string> names;
  for (const Implementation* impl : selectImplementations(registry.find("probe"), selector))
    names.push_back(impl->name);
  return names;
}

using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("short names are the variant and the device's ordinal; CPU names stay as they are") {
  const Registry registry = selectorRegistry();
  Names shortNames;
  for (const auto& impl : registry.find("probe").implementations) shortNames.push_back(shortName(impl));
  CHECK(shortNames == Names{"cpu:unthreaded", "cpu:tbb", "opencl:0", "opencl-patchwise:0", "opencl:1",
                            "cuda:0", "cuda-patchwise:0"});
  CHECK(deviceOf(Backend::OpenCL, "x", 3).shortName() == "opencl:3");
  CHECK(deviceOf(Backend::Cpu, "x", 0).shortName() == "cpu");
}

TEST_CASE("a selector names one implementation, a variant, a device or a back end") {
  const Registry registry = selectorRegistry();
  CHECK(selected(registry, "cpu:tbb") == Names{"cpu:tbb"});
  CHECK(selected(registry, "opencl:Second GPU") == Names{"opencl:Second GPU"});  // full name
  CHECK(selected(registry, "opencl-patchwise:0") == Names{"opencl-patchwise:First GPU"});
  CHECK(selected(registry, "opencl-patchwise") == Names{"opencl-patchwise:First GPU"});
  CHECK(selected(registry, "opencl:0") ==
        Names{"opencl:First GPU", "opencl-patchwise:First GPU"});  // a device
  CHECK(selected(registry, "opencl:1") == Names{"opencl:Second GPU"});
  CHECK(selected(registry, "cuda") == Names{"cuda:H200", "cuda-patchwise:H200"});
  CHECK(selected(registry, "cpu") == Names{"cpu:unthreaded", "cpu:tbb"});
  CHECK(selected(registry, "opencl:2").empty());
  CHECK(selected(registry, "cuda:First GPU").empty());
  CHECK(selected(registry, "").empty());
}

TEST_CASE("a selector naming nothing is a ParameterError listing every form this method offers") {
  const Registry registry = selectorRegistry();
  try {
    requireImplementations(registry.find("probe"), "vulkan");
    FAIL("no error");
  } catch (const ParameterError& e) {
    const std::string message = e.what();
    CHECK(message.find("'vulkan'") != std::string::npos);
    CHECK(message.find("opencl:1 (opencl:Second GPU)") != std::string::npos);
    CHECK(message.find("cuda-patchwise:0 (cuda-patchwise:H200)") != std::string::npos);
    CHECK(message.find("a back end: cpu, cuda, opencl") != std::string::npos);
    CHECK(message.find("a device (every implementation on it): cuda:0, opencl:0, opencl:1") !=
          std::string::npos);
  }
}

TEST_CASE(
    "the engine runs what the selector names: one exactly, several by the agent, falling back among them") {
  TempDir home;
  const Job job;
  const auto ran = [](const RunReport& report) { return report.result.notes.at(0); };
  SECTION("a back end runs on one of its implementations") {
    const Registry registry = selectorRegistry();
    RunStore store(home / "runs.sqlite");
    Engine engine(registry, store, Agent({}, 3));
    for (int i = 0; i < 6; ++i) {
      const RunReport report = engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::string("cuda")}, job);
      CHECK(ran(report).rfind("cuda", 0) == 0);
    }
  }
  SECTION("a failing implementation falls back within the selection only") {
    const Registry registry = selectorRegistry({"cuda:H200", "cuda-patchwise:H200", "opencl:First GPU"});
    RunStore store(home / "runs.sqlite");
    Engine engine(registry, store, Agent({}, 3));
    const RunReport report =
        engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::string("opencl:0")}, job);
    CHECK(ran(report) == "opencl-patchwise:First GPU");
    CHECK(report.warnings.size() <= 1);
    CHECK_THROWS_AS(engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::string("cuda")}, job), RunError);
  }
  SECTION("one named implementation that fails is the caller's error, and nothing else runs") {
    const Registry registry = selectorRegistry({"cuda-patchwise:H200"});
    RunStore store(home / "runs.sqlite");
    Engine engine(registry, store, Agent({}, 3));
    CHECK_THROWS_AS(
        engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::string("cuda-patchwise:0")}, job),
        DeviceError);
    CHECK(store.allRuns().size() == 1);
  }
  SECTION("an unknown selector is a ParameterError before anything runs") {
    const Registry registry = selectorRegistry();
    RunStore store(home / "runs.sqlite");
    Engine engine(registry, store, Agent({}, 3));
    CHECK_THROWS_AS(engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::string("cuda:7")}, job),
                    ParameterError);
    CHECK(store.allRuns().empty());
  }
}

TEST_CASE(
    "a pinned device (LQS_DEVICE) holds every run; a method with nothing there runs on the CPU and says so") {
  TempDir home;
  const Job job;
  const Registry registry = selectorRegistry();
  RunStore store(home / "runs.sqlite");
  Engine engine(registry, store, Agent({}, 3));
  engine.pin("opencl:1");
  for (int i = 0; i < 3; ++i) {
    const RunReport report = engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::nullopt}, job);
    CHECK(report.result.notes.at(0) == "opencl:Second GPU");
  }
  const RunReport explicitChoice =
      engine.run({"probe", {randomStack(1, 4, 4, 1)}, {}, std::string("cpu:tbb")}, job);
  CHECK(explicitChoice.result.notes.at(0) == "cpu:tbb");  // --impl wins over the pin
  const RunReport cpuOnly = engine.run({"cpu-only", {randomStack(1, 4, 4, 1)}, {}, std::nullopt}, job);
  CHECK(cpuOnly.implementation == "cpu:tbb");
  REQUIRE(cpuOnly.warnings.size() == 1);
  CHECK(cpuOnly.warnings[0].find("LQS_DEVICE=opencl:1") != std::string::npos);
}

TEST_CASE("a picker offers back ends, devices and every implementation once") {
  const Registry registry = selectorRegistry();
  const Method& method = registry.find("probe");
  const auto choices = selectorChoices(method);
  CHECK(choices == Names{"cpu", "opencl", "cuda", "opencl:0", "opencl:1", "cuda:0", "cpu:unthreaded",
                         "cpu:tbb", "opencl:First GPU", "opencl-patchwise:0", "cuda:H200",
                         "cuda-patchwise:0"});
  for (const Implementation& impl : method.implementations) {  // exactly one choice runs it alone
    const auto reached = std::count_if(choices.begin(), choices.end(), [&](const std::string& choice) {
      const auto named = selectImplementations(method, choice);
      return named.size() == 1 && named.front() == &impl;
    });
    CHECK(reached == 1);
  }
}
