#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "gpu/devices.hpp"
#include "tests/support/cuda_variants.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("esrrf matches NanoPyx within 1e-3 for AVG, VAR, TAC2 and without macro-pixel correction") {
  MethodRunner runner;
  for (const std::string set : {"a", "b"}) {
    const Stack stack = loadRef("stack_" + set + ".tif");
    for (const std::string mode : {"avg", "var", "tac2"}) {
      std::string upper = mode;
      for (auto& ch : upper) ch = char(std::toupper(ch));
      const Stack out = runner.stack("esrrf", {stack}, {{"temporal_correlation", mode}}, "cpu:tbb");
      INFO(set << " " << mode);
      CHECK(relativeL2(out, loadRef("esrrf_" + set + "_" + upper + ".tif")) <= 1e-3);
    }
    const Stack raw = runner.stack("esrrf", {stack}, {{"macro_pixel_correction", "false"}}, "cpu:tbb");
    CHECK(relativeL2(raw, loadRef("esrrf_" + set + "_AVG_nompc.tif")) <= 1e-3);
  }
}

TEST_CASE("every esrrf implementation matches the references of stack a within 1e-3") {
  MethodRunner runner;
  for (const auto& impl : runner.implementations("esrrf"))
    for (const std::string mode : {"AVG", "VAR", "TAC2"}) {
      INFO(impl << " " << mode);
      std::string lower = mode;
      for (auto& ch : lower) ch = char(std::tolower(ch));
      const Stack out = runner.stack("esrrf", {loadRef("stack_a.tif")}, {{"temporal_correlation", lower}}, impl);
      CHECK(relativeL2(out, loadRef("esrrf_a_" + mode + ".tif")) <= 1e-3);
    }
}

TEST_CASE("esrrf has a cuda implementation on every CUDA device, covered by the reference test above") {
  checkCudaVariants("esrrf");
}

TEST_CASE("esrrf implementations agree on small odd stacks") {
  MethodRunner runner;
  for (const auto& [frames, rows, cols] : {std::tuple{1, 1, 1}, {3, 1, 9}, {4, 7, 13}, {2, 16, 11}}) {
    const Stack stack = randomStack(frames, rows, cols, 11, 10, 100);
    for (const std::string mag : {"1", "2", "4"}) {
      const std::map<std::string, std::string> params{{"magnification", mag}, {"temporal_correlation", "var"}};
      const Stack expected = runner.stack("esrrf", {stack}, params, "cpu:unthreaded");
      for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(std::isfinite(expected.data()[i]));
      for (const auto& impl : runner.implementations("esrrf")) {
        INFO(frames << "x" << rows << "x" << cols << " mag " << mag << " " << impl);
        CHECK(relativeL2(runner.stack("esrrf", {stack}, params, impl), expected) <= 1e-5);
      }
    }
  }
}

TEST_CASE("esrrf splits frames into time points with a shorter last one") {
  MethodRunner runner;
  const Stack stack = randomStack(10, 12, 12, 2, 0, 50);
  const Stack out = runner.stack("esrrf", {stack}, {{"frames_per_timepoint", "4"}, {"magnification", "2"}});
  CHECK(out.frames() == 3);
  CHECK(out.rows() == 24);
  const Stack last = runner.stack("esrrf", {stack.frameRange(8, 2)}, {{"magnification", "2"}});
  CHECK(maxAbsDifference(out.frameRange(2, 1), last) <= 1e-6);
}

TEST_CASE("esrrf with a huge radius and small magnification stays in bounds") {
  MethodRunner runner;
  const Stack stack = randomStack(3, 9, 8, 4, 0, 10);
  for (const std::string radius : {"3", "10"}) {
    const Stack out = runner.stack("esrrf", {stack}, {{"radius", radius}, {"magnification", "2"}});
    for (std::size_t i = 0; i < out.size(); ++i) REQUIRE(std::isfinite(out.data()[i]));
  }
}

// One NaN pixel used to turn the whole reconstruction into NaN, exit 0.
TEST_CASE("esrrf refuses TAC2 on single-frame time points, and NaN or Inf pixels on every implementation") {
  MethodRunner runner;
  CHECK_THROWS_AS(runner.stack("esrrf", {randomStack(1, 8, 8, 1)}, {{"temporal_correlation", "tac2"}}), ParameterError);
  Stack stack = randomStack(3, 8, 10, 1);
  stack.at(1, 3, 7) = std::nanf("");
  stack.at(2, 0, 0) = INFINITY;
  for (const auto& impl : runner.implementations("esrrf")) {
    INFO(impl);
    CHECK_THROWS_WITH(
        runner.stack("esrrf", {stack}, {{"magnification", "2"}}, impl),
        Catch::Contains("2 pixels are NaN or Inf") && Catch::Contains("frame 1, row 3, column 7"));
  }
}

TEST_CASE(
    "cpu:simd equals cpu:tbb within 1e-5 where its vectorised rows run: odd sizes, radius and magnification "
    "edges") {
  MethodRunner runner;
  struct Case {
    int frames, rows, cols;
    std::string magnification, radius, sensitivity, weighting;
  };
  const Case cases[] = {{2, 1, 1, "5", "1.5", "1", "true"},    {2, 1, 40, "3", "1.5", "1", "true"},
                        {2, 37, 1, "2", "1.5", "2", "false"},  {3, 41, 33, "5", "1.5", "1", "true"},
                        {2, 41, 33, "1", "0.1", "1", "true"},  {2, 41, 33, "1", "10", "1", "true"},
                        {2, 29, 35, "20", "0.1", "2", "true"}, {2, 29, 35, "2", "10", "1", "false"},
                        {2, 50, 47, "4", "2.5", "3", "true"}};
  for (const Case& c : cases) {
    const Stack stack = randomStack(c.frames, c.rows, c.cols, 5, 10, 100);
    const std::map<std::string, std::string> params{{"magnification", c.magnification},
                                                    {"radius", c.radius},
                                                    {"sensitivity", c.sensitivity},
                                                    {"intensity_weighting", c.weighting}};
    INFO(c.rows << "x" << c.cols << " mag " << c.magnification << " radius " << c.radius << " sensitivity "
                << c.sensitivity << " weighting " << c.weighting);
    const Stack expected = runner.stack("esrrf", {stack}, params, "cpu:tbb");
    const Stack simd = runner.stack("esrrf", {stack}, params, "cpu:simd");
    CHECK(relativeL2(simd, expected) <= 1e-5);
    CHECK(maxRelativeDifference(simd, expected) <= 1e-5);
  }
}
