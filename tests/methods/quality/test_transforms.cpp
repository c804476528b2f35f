// The transforms under the quality methods against their definitions: cosine transforms through
// real FFTs, the Gaussian blur in the cosine basis against the two-pass blur with 'reflect' borders
// the GPUs run, and the half spectrum against the full shifted FFT.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "gpu/kernels/gaussian_blur.h"
#include "methods/common/cosine_transform.hpp"
#include "methods/common/fourier.hpp"
#include "methods/quality/gaussian_blur.hpp"
#include "methods/quality/reflect_blur.hpp"

using namespace lqs;

namespace {

std::vector<double> randomImage(int rows, int cols, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> value(-1, 3);
  std::vector<double> image(std::size_t(rows) * cols);
  for (auto& v : image) v = value(rng);
  return image;
}

double largest(const std::vector<double>& values) {
  double m = 0;
  for (const double v : values) m = std::max(m, std::fabs(v));
  return m;
}

// X[k1][k2] = 4 sum x[j1][j2] cos(pi k1 (2 j1 + 1) / 2 rows) cos(pi k2 (2 j2 + 1) / 2 cols)
std::vector<double> cosineByDefinition(const std::vector<double>& x, int rows, int cols) {
  std::vector<double> out(x.size());
  for (int k1 = 0; k1 < rows; ++k1)
    for (int k2 = 0; k2 < cols; ++k2) {
      double s = 0;
      for (int j1 = 0; j1 < rows; ++j1)
        for (int j2 = 0; j2 < cols; ++j2)
          s += x[std::size_t(j1) * cols + j2] * std::cos(M_PI * k1 * (2 * j1 + 1) / (2.0 * rows)) *
               std::cos(M_PI * k2 * (2 * j2 + 1) / (2.0 * cols));
      out[std::size_t(k1) * cols + k2] = 4 * s;
    }
  return out;
}

// Two passes of the taps with 'reflect' borders, in double.
std::vector<double> blurBySummation(const std::vector<double>& image, int rows, int cols, double sigma) {
  const auto taps = gaussianWeights(sigma);
  const int radius = int(taps.size() / 2);
  std::vector<double> along(image.size()), out(image.size());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      for (int k = -radius; k <= radius; ++k)
        along[std::size_t(r) * cols + c] +=
            taps[k + radius] * image[std::size_t(r) * cols + lqs_reflect_index(c + k, cols)];
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      for (int k = -radius; k <= radius; ++k)
        out[std::size_t(r) * cols + c] +=
            taps[k + radius] * along[std::size_t(lqs_reflect_index(r + k, rows)) * cols + c];
  return out;
}

const int kShapes[][2] = {{1, 1}, {1, 7}, {6, 1}, {2, 2}, {5, 8}, {16, 9}, {13, 13}};

}  // namespace

TEST_CASE("cosine transforms through real FFTs match the definition on odd, even and one-pixel axes") {
  for (const auto& [rows, cols] : kShapes) {
    CAPTURE(rows, cols);
    const auto image = randomImage(rows, cols, unsigned(rows * 31 + cols));
    const auto expected = cosineByDefinition(image, rows, cols);
    const auto coefficients = cosineTransform(image.data(), rows, cols);
    for (std::size_t i = 0; i < image.size(); ++i)
      REQUIRE(coefficients[i] == Approx(expected[i]).margin(1e-12 * largest(expected)));
    auto back = coefficients;
    inverseCosineTransform(back.data(), rows, cols);
    std::vector<float> backFloat(coefficients.begin(), coefficients.end());
    inverseCosineTransform(backFloat.data(), rows, cols);
    for (std::size_t i = 0; i < image.size(); ++i) {
      REQUIRE(back[i] == Approx(image[i]).margin(1e-12));
      REQUIRE(backFloat[i] == Approx(image[i]).margin(1e-5));
    }
  }
}

TEST_CASE(
    "the blur in the cosine basis is the two-pass 'reflect' blur, also with radii many times the image") {
  for (const auto& [rows, cols] : kShapes)
    for (const double sigma : {0.0, 0.3, 1.5, 6.0, 40.0}) {
      CAPTURE(rows, cols, sigma);
      const auto image = randomImage(rows, cols, unsigned(rows + cols * 7));
      const auto other = randomImage(rows, cols, 99);
      const auto expected = blurBySummation(image, rows, cols, sigma);
      const ReflectBlur blur(image, rows, cols);
      std::vector<double> blurred;
      std::vector<float> blurredFloat;
      blur.image(sigma, blurred);
      blur.image(sigma, blurredFloat);
      for (std::size_t i = 0; i < image.size(); ++i) {
        REQUIRE(blurred[i] == Approx(expected[i]).margin(1e-12));
        REQUIRE(blurredFloat[i] == Approx(expected[i]).margin(2e-6));
      }
      double b = 0, bb = 0, bo = 0;
      for (std::size_t i = 0; i < image.size(); ++i)
        b += expected[i], bb += expected[i] * expected[i], bo += expected[i] * other[i];
      for (const CpuSchedule schedule : {CpuSchedule::Serial, CpuSchedule::Tbb}) {
        const ReflectBlur::Sums s = blur.sums(sigma, ReflectBlur(other, rows, cols), schedule);
        REQUIRE(s.b == Approx(b).margin(1e-10));
        REQUIRE(s.bb == Approx(bb).margin(1e-10));
        REQUIRE(s.bo == Approx(bo).margin(1e-10));
      }
    }
}

TEST_CASE("the half spectrum gives numpy's shifted FFT everywhere, mirrored halves included") {
  for (const auto& [rows, cols] : kShapes) {
    CAPTURE(rows, cols);
    const auto image = randomImage(rows, cols, 5);
    const std::vector<float> pixels(image.begin(), image.end());
    const Spectrum full = fftShift(forwardFft(pixels.data(), rows, cols), rows, cols);
    const HalfSpectrum half(pixels.data(), rows, cols);
    double scale = 0;
    for (const auto& v : full) scale = std::max(scale, std::abs(v));
    for (int y = 0; y < rows; ++y)
      for (int x = 0; x < cols; ++x) {
        const auto expected = full[std::size_t(y) * cols + x];
        const std::complex<double> got = half.shifted(y, x);
        REQUIRE(std::abs(got - expected) <= 1e-6 * scale);
      }
  }
}
