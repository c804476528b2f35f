// A run named onto the CPU loads no GPU driver (docs/benchmarks-esrrf.md: 0.3 s of a 0.4 s run on
// the GPU machine); anything else still sees every device.
#include <catch2/catch.hpp>

#include "gpu/devices.hpp"

using lqs::gpu::backendsUnneededBy;

TEST_CASE("a run named only onto the CPU needs neither OpenCL nor CUDA") {
  const std::set<std::string> gpus{"opencl", "cuda"};
  CHECK(backendsUnneededBy({"cpu:simd"}) == gpus);
  CHECK(backendsUnneededBy({"cpu"}) == gpus);
  CHECK(backendsUnneededBy({"cpu:tbb-patchwise", ""}) == gpus);  // LQS_DEVICE unset
  CHECK(backendsUnneededBy({"cpu:tbb", "cpu"}) == gpus);
}

TEST_CASE("a run that names a GPU, names nothing or leaves the choice to the agent needs every back end") {
  CHECK(backendsUnneededBy({}).empty());
  CHECK(backendsUnneededBy({"", ""}).empty());
  CHECK(backendsUnneededBy({"cuda"}).empty());
  CHECK(backendsUnneededBy({"opencl:0"}).empty());
  CHECK(backendsUnneededBy({"cpu:tbb", "cuda:0"}).empty());  // --impl on the CPU, LQS_DEVICE on a GPU
  CHECK(backendsUnneededBy({"cpuish"}).empty());
}
