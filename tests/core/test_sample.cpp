#include <catch2/catch.hpp>
#include <cmath>

#include "core/sample.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;

TEST_CASE("the simulator is deterministic per seed") {
  SampleOptions options;
  options.frames = 5, options.rows = 24, options.cols = 31;
  const Stack a = simulateBlinking(options), b = simulateBlinking(options);
  CHECK(test::maxAbsDifference(a, b) == 0);
  options.seed = 2;
  CHECK(test::maxAbsDifference(simulateBlinking(options), a) > 0);
}

TEST_CASE("simulated frames have the background level, noise, blinking and calibration") {
  SampleOptions options;
  options.frames = 40, options.rows = 48, options.cols = 48;
  const Stack stack = simulateBlinking(options);
  double sum = 0;
  for (std::size_t i = 0; i < stack.size(); ++i) sum += stack.data()[i];
  const double mean = sum / double(stack.size());
  CHECK(mean > options.background);       // fluorophores add light
  CHECK(mean < options.background * 2);   // but only a blinking fraction at a time
  std::vector<double> frameSums;
  for (std::size_t t = 0; t < stack.frames(); ++t) {
    double s = 0;
    for (float v : stack.frame(t)) s += v;
    frameSums.push_back(s);
  }
  CHECK(*std::max_element(frameSums.begin(), frameSums.end()) > *std::min_element(frameSums.begin(), frameSums.end()));
  CHECK(stack.pixelSize.unit == "um");
  CHECK(stack.pixelSize.value == Approx(0.1));
}
