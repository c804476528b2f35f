#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <tuple>

#include "core/errors.hpp"
#include "gpu/devices.hpp"
#include "tests/support/cuda_variants.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

const std::map<std::string, std::string> kDefaults{{"patch_size", "7"}, {"patch_distance", "11"}, {"h", "0.1"}, {"sigma", "0"}};

TEST_CASE("nlm matches the NanoPyx reference within 1e-3 on every implementation") {
  MethodRunner runner;
  for (const auto& impl : runner.implementations("nlm")) {
    INFO(impl);
    CHECK(relativeL2(runner.stack("nlm", {loadRef("img_noisy.tif")}, kDefaults, impl), loadRef("nlm_default.tif")) <= 1e-3);
  }
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
      kDefaults, {{"patch_size", "3"}, {"patch_distance", "0"}, {"h", "0.2"}},
      {{"patch_size", "8"}, {"patch_distance", "2"}, {"h", "0.05"}, {"sigma", "0.1"}},
      {{"patch_size", "15"}, {"patch_distance", "3"}, {"h", "1e-6"}},
      {{"patch_size", "51"}, {"patch_distance", "2"}, {"h", "0.3"}, {"sigma", "0.05"}}};
  for (const auto& [rows, cols] : {std::pair{1, 1}, {1, 12}, {13, 1}, {7, 13}, {64, 50}})
    for (const auto& params : settings) {
      const Stack image = randomStack(2, rows, cols, 9);
      const Stack expected = runner.stack("nlm", {image}, params, "cpu:unthreaded");
      for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(std::isfinite(expected.data()[i]));
      for (const auto& impl : runner.implementations("nlm")) {
        INFO(rows << "x" << cols << " " << impl);
        CHECK(maxAbsDifference(runner.stack("nlm", {image}, params, impl), expected) <= 2e-5);
      }
    }
}

// The CUDA patch-wise kernel tiles the frame (27 x 16 outputs for patch 7, 47 x 16 for patch 19),
// copies each tile's search window into shared memory when it fits and reads global memory when it
// does not (distances 30 and 45 here): several tiles, partial ones last, on both paths.
TEST_CASE("nlm implementations agree across tiles, partial tiles and search windows wider than the frame") {
  MethodRunner runner;
  const std::vector<std::tuple<int, int, std::map<std::string, std::string>>> cases{
      {37, 70, kDefaults},
      {37, 70, {{"patch_size", "19"}, {"patch_distance", "2"}, {"h", "0.3"}}},
      {19, 30, {{"patch_size", "7"}, {"patch_distance", "45"}, {"h", "0.1"}}},
      {19, 11, {{"patch_size", "19"}, {"patch_distance", "30"}, {"h", "0.3"}, {"sigma", "0.02"}}}};
  for (const auto& [rows, cols, params] : cases) {
    const Stack image = randomStack(1, rows, cols, 11);
    const Stack expected = runner.stack("nlm", {image}, params, "cpu:unthreaded");
    for (const auto& impl : runner.implementations("nlm")) {
      INFO(rows << "x" << cols << " patch " << params.at("patch_size") << " distance " << params.at("patch_distance")
                << " " << impl);
      CHECK(maxAbsDifference(runner.stack("nlm", {image}, params, impl), expected) <= 2e-5);
    }
  }
}

TEST_CASE("nlm of a constant image is that constant") {
  MethodRunner runner;
  Stack image(1, 9, 11);
  for (std::size_t i = 0; i < image.size(); ++i) image.data()[i] = 3.5f;
  const Stack out = runner.stack("nlm", {image}, kDefaults);
  CHECK(maxAbsDifference(out, image) <= 1e-6);
}

TEST_CASE("nlm grows an even patch size by one, as NanoPyx does") {
  MethodRunner runner;
  const Stack image = randomStack(1, 17, 23, 4);
  const auto withPatch = [&](const char* patch) {  // one implementation: another one's rounding differs
    return runner.stack("nlm", {image}, {{"patch_size", patch}, {"patch_distance", "4"}, {"h", "0.3"}},
                        "cpu:unthreaded");
  };
  CHECK(maxAbsDifference(withPatch("8"), withPatch("9")) == 0.0);
  CHECK(maxAbsDifference(withPatch("7"), withPatch("9")) > 1e-4);
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
}
