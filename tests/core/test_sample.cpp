#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <span>

#include "core/errors.hpp"
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

namespace {

double sumOf(std::span<const float> values) {
  double sum = 0;
  for (float v : values) sum += v;
  return sum;
}

}  // namespace

TEST_CASE("without emitters the frames are Poisson background plus read noise") {
  SampleOptions options;
  options.frames = 20, options.rows = 50, options.cols = 40;
  options.photons = 0, options.background = 100, options.readNoise = 3;
  const Stack stack = simulateBlinking(options);
  double sum = 0, squares = 0;
  for (std::size_t i = 0; i < stack.size(); ++i) sum += stack.data()[i], squares += double(stack.data()[i]) * stack.data()[i];
  const double n = double(stack.size()), mean = sum / n, variance = squares / n - mean * mean;
  CHECK(mean == Approx(100).margin(0.5));
  CHECK(variance == Approx(100 + 9).epsilon(0.05));  // Poisson variance = mean, plus read noise squared
}

TEST_CASE("emitters are on for the Markov chain's steady-state fraction and bleaching dims the stack") {
  SampleOptions options;
  options.frames = 400, options.rows = 64, options.cols = 64, options.emitters = 50;
  options.structure = SampleOptions::Structure::Points;
  options.background = 0, options.readNoise = 0, options.photons = 1000;
  options.pOn = 0.1, options.pOff = 0.4, options.pBleach = 0;
  const Stack stack = simulateBlinking(options);
  // every on emitter adds ~1000 photons (a little less near the border): sum / 1000 counts them
  const double onFraction = sumOf({stack.data(), stack.size()}) / 1000.0 / double(options.frames * options.emitters);
  CHECK(onFraction == Approx(options.pOn / (options.pOn + options.pOff)).epsilon(0.12));
  std::size_t darkFrames = 0;
  for (std::size_t t = 0; t < stack.frames(); ++t) darkFrames += sumOf(stack.frame(t)) < 500;
  CHECK(darkFrames < 5);  // 50 emitters at 20 % on: nearly never all off at once

  options.pBleach = 0.2, options.frames = 100;  // bleaching while on: ~4 % of the emitters per frame
  const Stack bleaching = simulateBlinking(options);
  double early = 0, late = 0;
  for (std::size_t t = 0; t < 10; ++t) early += sumOf(bleaching.frame(t)), late += sumOf(bleaching.frame(90 + t));
  CHECK(late < 0.15 * early);
  CHECK(late > 0);
}

TEST_CASE("filaments are thin lines: the time average is sharper than the PSF") {
  SampleOptions options;
  options.frames = 200, options.rows = 64, options.cols = 64, options.seed = 3;
  options.background = 0, options.readNoise = 0;
  const Stack stack = simulateBlinking(options);
  std::vector<double> mean(stack.frameSize());
  for (std::size_t t = 0; t < stack.frames(); ++t)
    for (std::size_t i = 0; i < mean.size(); ++i) mean[i] += stack.frame(t)[i];
  // along a filament the mean is bright over many pixels in a row; most of the field stays dark
  std::size_t dark = 0;
  const double peak = *std::max_element(mean.begin(), mean.end());
  for (double v : mean) dark += v < 0.05 * peak;
  CHECK(dark > mean.size() / 5);
  CHECK(dark < mean.size());
}

TEST_CASE("drift moves the emitters linearly") {
  SampleOptions options;
  options.frames = 11, options.rows = 48, options.cols = 48, options.seed = 4;
  options.structure = SampleOptions::Structure::Points;
  options.background = 0, options.readNoise = 0, options.photons = 1e6;
  options.pOn = 1, options.pOff = 0, options.pBleach = 0;  // always on
  options.driftColPerFrame = 0.3;
  const Stack stack = simulateBlinking(options);
  // frame 10 is frame 0 moved right by 3 columns (the expected image; Poisson noise is ~0.3 % here)
  double difference = 0, unshifted = 0, norm = 0;
  for (std::size_t r = 0; r < stack.rows(); ++r)
    for (std::size_t c = 0; c + 3 < stack.cols(); ++c) {
      const double before = stack.at(0, r, c);
      difference += std::pow(stack.at(10, r, c + 3) - before, 2);
      unshifted += std::pow(stack.at(10, r, c) - before, 2);
      norm += before * before;
    }
  CHECK(std::sqrt(difference / norm) < 0.02);
  CHECK(std::sqrt(unshifted / norm) > 0.2);
}

TEST_CASE("empty sizes are refused") {
  SampleOptions options;
  options.rows = 0;
  CHECK_THROWS_AS(simulateBlinking(options), ParameterError);
}
