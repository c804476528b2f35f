#include "methods/quality/reflect_blur.hpp"

#include <cmath>

#include "methods/common/cosine_transform.hpp"
#include "methods/quality/gaussian_blur.hpp"

namespace lqs {

namespace {

// The factors that make FFTW's unnormalised DCT-II orthonormal along an axis of n.
std::vector<double> orthonormalScale(int n) {
  std::vector<double> scale(n, 1.0 / std::sqrt(2.0 * n));
  scale[0] = 1.0 / (2.0 * std::sqrt(double(n)));
  return scale;
}

// g(k) for k in [0, n): the blur's factor on cosine k of an axis of n pixels.
std::vector<double> axisGain(const std::vector<double>& taps, int n) {
  const int radius = int(taps.size() / 2), period = 2 * n;
  std::vector<double> cosines(period);
  for (int i = 0; i < period; ++i) cosines[i] = std::cos(M_PI * i / n);
  std::vector<double> gain(n);
  for (int k = 0; k < n; ++k) {
    double g = taps[radius];
    for (int m = 1, at = k; m <= radius; ++m) {
      g += 2 * taps[radius + m] * cosines[at];
      if ((at += k) >= period) at -= period;  // k m mod 2n without a division
    }
    gain[k] = g;
  }
  return gain;
}

}  // namespace

ReflectBlur::ReflectBlur(const std::vector<double>& image, int rows, int cols)
    : rows_(rows), cols_(cols), coefficients_(cosineTransform(image.data(), rows, cols)) {
  const auto scaleRows = orthonormalScale(rows), scaleCols = orthonormalScale(cols);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) coefficients_[std::size_t(r) * cols + c] *= scaleRows[r] * scaleCols[c];
}

template <class T>
void ReflectBlur::blurInto(double sigma, std::vector<T>& out) const {
  const auto taps = gaussianWeights(sigma);
  auto gainRows = axisGain(taps, rows_), gainCols = axisGain(taps, cols_);
  const auto scaleRows = orthonormalScale(rows_), scaleCols = orthonormalScale(cols_);
  for (int r = 0; r < rows_; ++r) gainRows[r] /= scaleRows[r];
  for (int c = 0; c < cols_; ++c) gainCols[c] /= scaleCols[c];
  out.resize(coefficients_.size());
  for (int r = 0; r < rows_; ++r)
    for (int c = 0; c < cols_; ++c)
      out[std::size_t(r) * cols_ + c] =
          T(coefficients_[std::size_t(r) * cols_ + c] * gainRows[r] * gainCols[c]);
  inverseCosineTransform(out.data(), rows_, cols_);
}

void ReflectBlur::image(double sigma, std::vector<double>& out) const {
  blurInto(sigma, out);
}
void ReflectBlur::image(double sigma, std::vector<float>& out) const {
  blurInto(sigma, out);
}

ReflectBlur::Sums ReflectBlur::sums(double sigma, const ReflectBlur& other, CpuSchedule schedule) const {
  const auto taps = gaussianWeights(sigma);
  const auto gainRows = axisGain(taps, rows_), gainCols = axisGain(taps, cols_);
  // per row, then added in row order: the same result on any number of threads
  std::vector<Sums> perRow(rows_);
  forRange(schedule, std::size_t(rows_), [&](std::size_t begin, std::size_t end) {
    for (std::size_t r = begin; r < end; ++r) {
      const double* f = coefficients_.data() + r * cols_;
      const double* o = other.coefficients_.data() + r * cols_;
      double bb = 0, bo = 0;
      for (int c = 0; c < cols_; ++c) {
        const double b = f[c] * gainCols[c];
        bb += b * b, bo += b * o[c];
      }
      perRow[r] = {0, bb * gainRows[r] * gainRows[r], bo * gainRows[r]};
    }
  });
  Sums total;
  for (const Sums& s : perRow) total.bb += s.bb, total.bo += s.bo;
  // only the constant cosine has a non-zero sum over the image
  total.b = coefficients_[0] * gainRows[0] * gainCols[0] * std::sqrt(double(rows_) * cols_);
  return total;
}

}  // namespace lqs
