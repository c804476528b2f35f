// Fault injection: a GPU implementation that fails in the middle of a stack (out of device memory,
// an OpenCL error code) is dropped for that run; the run completes on the next implementation with
// exactly the CPU's pixels, and the user is told once.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "engine/engine.hpp"
#include "gpu/devices.hpp"
#include "methods/register_all.hpp"
#include "tests/support/test_support.hpp"
#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/cl.hpp"
#include "gpu/opencl/opencl_runtime.hpp"
#endif

using namespace lqs;
using namespace lqs::test;

namespace {

using Fault = std::function<void()>;  // what the failing implementation throws

// magnify with a failing "GPU" ranked among the real CPU implementations; it works through frames
// and hits `fault` at frame `failAt`.
Registry faultyRegistry(std::size_t failAt, Fault fault) {
  const Registry real = buildRegistry({gpu::cpuDevice()});
  Method magnify = real.find("magnify");
  Device gpu;
  gpu.backend = Backend::OpenCL;
  gpu.name = "Injected faulty GPU";
  magnify.implementations.insert(
      magnify.implementations.begin(),
      {"opencl:faulty", gpu, [failAt, fault](const RunContext& c) -> Result {
         for (std::size_t t = 0; t < c.stack(0).frames(); ++t) {
           if (t == failAt) fault();
           c.job.progress(double(t) / double(c.stack(0).frames()), "faulty GPU");
         }
         throw std::logic_error("the injected fault did not fire");
       }});
  Registry registry;
  registry.add(std::move(magnify));
  return registry;
}

const std::map<std::string, std::string> kParams{{"magnification", "3"}};

}  // namespace

TEST_CASE("a GPU failing mid-stack: the run completes on the next implementation, equal to the CPU, told once") {
  const Stack input = randomStack(6, 24, 20, 42);
  TempDir home;
  RunStore referenceStore(home / "reference.sqlite");
  const Registry real = buildRegistry({gpu::cpuDevice()});
  Engine reference(real, referenceStore, Agent({}, 1));
  const Job job;
  const Stack cpu = std::get<Stack>(
      reference.run({"magnify", {input}, kParams, std::string("cpu:unthreaded")}, job).result.outputs.at(0).data);

  std::vector<std::pair<std::string, Fault>> faults{
      {"out of device memory", [] { throw DeviceError("opencl:faulty: CL_MEM_OBJECT_ALLOCATION_FAILURE (out of device memory)"); }}};
#ifdef LQS_HAVE_OPENCL
  // an error code from the OpenCL API, turned into a DeviceError by the one wrapper every kernel uses
  faults.push_back({"error code", [] {
                      gpu::withOpencl("injected enqueue", [] { throw cl::Error(CL_OUT_OF_RESOURCES, "clEnqueueNDRangeKernel"); });
                    }});
#endif
  for (const auto& [what, fault] : faults)
    for (const std::size_t failAt : {std::size_t(0), std::size_t(3), std::size_t(5)}) {
      INFO(what << " at frame " << failAt);
      const Registry registry = faultyRegistry(failAt, fault);
      RunStore store(home / (what + std::to_string(failAt) + ".sqlite"));
      Engine engine(registry, store, Agent({}, 5));
      // the agent explores every implementation early, so the faulty one is tried within a few runs
      bool sawFailure = false;
      for (int run = 0; run < 12 && !sawFailure; ++run) {
        const RunReport report = engine.run({"magnify", {input}, kParams, std::nullopt}, job);
        CHECK(report.implementation.rfind("cpu:", 0) == 0);
        CHECK(maxAbsDifference(std::get<Stack>(report.result.outputs.at(0).data), cpu) == 0);
        sawFailure = !report.warnings.empty();
        if (sawFailure) {
          REQUIRE(report.warnings.size() == 1);
          CHECK(report.warnings[0].find("opencl:faulty failed") != std::string::npos);
        }
      }
      REQUIRE(sawFailure);
      // after the failure the agent skips the faulty implementation: no more warnings
      const RunReport next = engine.run({"magnify", {input}, kParams, std::nullopt}, job);
      CHECK(next.warnings.empty());
      CHECK(maxAbsDifference(std::get<Stack>(next.result.outputs.at(0).data), cpu) == 0);
    }
}

TEST_CASE("a forced GPU that fails is a DeviceError for the caller, and nothing else runs") {
  const Registry registry = faultyRegistry(2, [] { throw DeviceError("out of device memory"); });
  TempDir home;
  RunStore store(home / "runs.sqlite");
  Engine engine(registry, store, Agent({}, 5));
  const Job job;
  CHECK_THROWS_AS(engine.run({"magnify", {randomStack(4, 8, 8, 1)}, kParams, std::string("opencl:faulty")}, job),
                  DeviceError);
  REQUIRE(store.allRuns().size() == 1);
  CHECK_FALSE(store.allRuns()[0].ok);  // the failure is recorded, so the agent avoids it later
}
