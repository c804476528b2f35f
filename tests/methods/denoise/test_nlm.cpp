#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <thread>
#include <tuple>

#include "core/errors.hpp"
#include "gpu/devices.hpp"
#include "tests/support/cuda_variants.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

using Params = std::map<std::string, std::string>;
const Params kDefaults{{"patch_size", "7"}, {"patch_distance", "11"}, {"h", "0.1"}, {"sigma", "0"}};
const std::vector<std::string> kWeights{"gaussian", "uniform"};

Params withWeights(Params params, const std::string& weights) {
  params["patch_weights"] = weights;
  return params;
}

// nlm_default: NanoPyx's OpenCL run (Gaussian weights); nlm_fast: its unthreaded run (uniform);
// the _p5 pair at patch 5, distance 6, h 0.05, sigma 0.02 (tests/data/refs/make_nlm_refs.py).
TEST_CASE("nlm matches NanoPyx's two filters within 1e-3 on every implementation") {
  MethodRunner runner;
  const Params p5{{"patch_size", "5"}, {"patch_distance", "6"}, {"h", "0.05"}, {"sigma", "0.02"}};
  const std::vector<std::tuple<Params, const char*>> cases{
      {kDefaults, "nlm_default.tif"},
      {withWeights(kDefaults, "uniform"), "nlm_fast.tif"},
      {withWeights(p5, "gaussian"), "nlm_p5_gaussian.tif"},
      {withWeights(p5, "uniform"), "nlm_p5_uniform.tif"}};
  const Stack image = loadRef("img_noisy.tif");
  for (const auto& [params, reference] : cases)
    for (const auto& impl : runner.implementations("nlm")) {
      INFO(reference << " " << impl);
      CHECK(relativeL2(runner.stack("nlm", {image}, params, impl), loadRef(reference)) <= 1e-3);
    }
}

TEST_CASE("nlm's two filters differ by about what NanoPyx's run types do") {
  MethodRunner runner;
  const Stack image = loadRef("img_noisy.tif");
  const double gap =
      relativeL2(runner.stack("nlm", {image}, kDefaults, "cpu:tbb-patchwise"),
                 runner.stack("nlm", {image}, withWeights(kDefaults, "uniform"), "cpu:tbb-patchwise"));
  CHECK(gap > 3e-3);
  CHECK(gap < 3e-2);
}

TEST_CASE("nlm has both strategies on the CPU and every OpenCL device") {
  MethodRunner runner;
  const auto names = runner.implementations("nlm");
  const auto has = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  CHECK(has("cpu:unthreaded"));
  CHECK(has("cpu:tbb"));
  CHECK(has("cpu:tbb-patchwise"));
  for (const Device& device : gpu::openclDevices()) {
    CHECK(has("opencl:" + device.name));
    CHECK(has("opencl-patchwise:" + device.name));
  }
}

TEST_CASE("nlm has both strategies on every CUDA device") {
  checkCudaVariants("nlm", {"cuda", "cuda-patchwise"});
}

TEST_CASE("nlm pixel-wise and patch-wise implementations agree on odd sizes and parameter edges") {
  MethodRunner runner;
  const std::vector<std::map<std::string, std::string>> settings{
      kDefaults,
      {{"patch_size", "3"}, {"patch_distance", "0"}, {"h", "0.2"}},
      {{"patch_size", "1"}, {"patch_distance", "2"}, {"h", "0.2"}},
      {{"patch_size", "8"}, {"patch_distance", "2"}, {"h", "0.05"}, {"sigma", "0.1"}},
      {{"patch_size", "15"}, {"patch_distance", "3"}, {"h", "1e-6"}},
      {{"patch_size", "51"}, {"patch_distance", "2"}, {"h", "0.3"}, {"sigma", "0.05"}}};
  for (const auto& [rows, cols] : {std::pair{1, 1}, {1, 12}, {13, 1}, {7, 13}, {64, 50}})
    for (const auto& weights : kWeights)
      for (const auto& unweighted : settings) {
        const Params params = withWeights(unweighted, weights);
        const Stack image = randomStack(2, rows, cols, 9);
        const Stack expected = runner.stack("nlm", {image}, params, "cpu:unthreaded");
        for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(std::isfinite(expected.data()[i]));
        for (const auto& impl : runner.implementations("nlm")) {
          INFO(rows << "x" << cols << " " << weights << " patch " << params.at("patch_size") << " " << impl);
          CHECK(maxAbsDifference(runner.stack("nlm", {image}, params, impl), expected) <= 1e-5);
        }
      }
}

TEST_CASE("nlm implementations agree on a 500 x 300 frame, both filters") {
  MethodRunner runner;
  const Stack image = randomStack(1, 500, 300, 13);
  for (const auto& weights : kWeights) {
    const Params params = withWeights(kDefaults, weights);
    const Stack expected = runner.stack("nlm", {image}, params, "cpu:tbb");
    for (const auto& impl : runner.implementations("nlm")) {
      if (impl == "cpu:unthreaded") continue;  // cpu:tbb runs the same pixel function, 2x faster in CI
      INFO(weights << " " << impl);
      CHECK(maxAbsDifference(runner.stack("nlm", {image}, params, impl), expected) <= 1e-5);
    }
  }
}

// The CUDA patch-wise kernel tiles the frame (26 x 16 outputs for a uniform patch 7, 27 x 16 for a
// Gaussian one, 45 x 16 for patch 19), copies each tile's search window into shared memory when it
// fits (up to the device's opt-in limit, 227 KiB on an H200) and reads global memory when it does
// not (patch 35 at distance 100: 322 KiB): several tiles, partial ones last, on both paths.
TEST_CASE("nlm implementations agree across tiles, partial tiles and search windows wider than the frame") {
  MethodRunner runner;
  const std::vector<std::tuple<int, int, Params>> cases{
      {37, 70, kDefaults},
      {37, 70, {{"patch_size", "19"}, {"patch_distance", "2"}, {"h", "0.3"}}},
      {19, 30, {{"patch_size", "7"}, {"patch_distance", "45"}, {"h", "0.1"}}},
      {19, 11, {{"patch_size", "19"}, {"patch_distance", "30"}, {"h", "0.3"}, {"sigma", "0.02"}}},
      {5, 7, {{"patch_size", "35"}, {"patch_distance", "100"}, {"h", "0.3"}}}};
  // The uniform filter sums all 201^2 mirrored shifts at distance 100; the CPU patch-wise code's
  // single-precision accumulators then round to ~5e-5 (measured), hence the wider bound there.
  const auto bound = [](const Params& params) { return params.at("patch_distance") == "100" ? 1e-4 : 1e-5; };
  for (const auto& weights : kWeights)
    for (const auto& [rows, cols, unweighted] : cases) {
      const Params params = withWeights(unweighted, weights);
      const Stack image = randomStack(1, rows, cols, 11);
      const Stack expected = runner.stack("nlm", {image}, params, "cpu:unthreaded");
      for (const auto& impl : runner.implementations("nlm")) {
        INFO(rows << "x" << cols << " " << weights << " patch " << params.at("patch_size") << " distance "
                  << params.at("patch_distance") << " " << impl);
        CHECK(maxAbsDifference(runner.stack("nlm", {image}, params, impl), expected) <= bound(params));
      }
    }
}

TEST_CASE("nlm of a constant image is that constant") {
  MethodRunner runner;
  Stack image(1, 9, 11);
  for (std::size_t i = 0; i < image.size(); ++i) image.data()[i] = 3.5f;
  for (const auto& weights : kWeights) {
    INFO(weights);
    CHECK(maxAbsDifference(runner.stack("nlm", {image}, withWeights(kDefaults, weights)), image) <= 1e-6);
  }
}

TEST_CASE("nlm grows an even patch size by one, as NanoPyx does") {
  MethodRunner runner;
  const Stack image = randomStack(1, 17, 23, 4);
  for (const auto& weights : kWeights) {
    INFO(weights);
    const auto withPatch = [&](const char* patch) {  // one implementation: another one's rounding differs
      return runner.stack(
          "nlm", {image},
          {{"patch_size", patch}, {"patch_distance", "4"}, {"h", "0.3"}, {"patch_weights", weights}},
          "cpu:unthreaded");
    };
    CHECK(maxAbsDifference(withPatch("8"), withPatch("9")) == 0.0);
    CHECK(maxAbsDifference(withPatch("7"), withPatch("9")) > 1e-4);
  }
}

TEST_CASE("nlm refuses NaN or Inf pixels and out-of-range parameters") {
  MethodRunner runner;
  Stack image = randomStack(2, 9, 11, 5);
  image.at(1, 4, 6) = std::nanf("");
  for (const auto& impl : runner.implementations("nlm")) {
    INFO(impl);
    CHECK_THROWS_AS(runner.stack("nlm", {image}, kDefaults, impl), InputError);
  }
  image.at(1, 4, 6) = INFINITY;
  CHECK_THROWS_AS(runner.stack("nlm", {image}, kDefaults), InputError);
  const Stack clean = randomStack(1, 9, 11, 5);
  CHECK_THROWS_AS(runner.stack("nlm", {clean}, {{"h", "0"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("nlm", {clean}, {{"sigma", "-1"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("nlm", {clean}, {{"patch_size", "0"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("nlm", {clean}, {{"patch_distance", "-1"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("nlm", {clean}, {{"patch_weights", "box"}}), ParameterError);
}

// Ctrl-C used to wait for the end of the frame: more than 60 s at large patches.
TEST_CASE("nlm on the CPU stops within a second of a cancel, inside a frame") {
  MethodRunner runner;
  const Stack image = randomStack(1, 300, 300, 17);
  for (const char* impl : {"cpu:tbb-patchwise", "cpu:tbb"}) {
    INFO(impl);
    Job job;
    RunRequest request{"nlm", {image}, {{"patch_size", "51"}, {"patch_distance", "40"}}, std::string(impl)};
    std::thread canceller([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      job.cancel();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(runner.engine().run(request, job), Cancelled);
    canceller.join();
    // the whole run takes well over 10 s here; the bound leaves room for a loaded CI machine
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 5.0);
  }
}
