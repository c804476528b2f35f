#include "methods/quality/frc.hpp"

#include <cmath>

#include "core/errors.hpp"
#include "methods/common/fourier.hpp"
#include "methods/quality/savitzky_golay.hpp"

namespace lqs {

namespace {

std::vector<float> tukeyWindow(int size, double alpha) {
  std::vector<float> w(size, 1.0f);
  if (size < 2) return w;
  const double span = alpha * (size - 1) / 2.0;
  const int width = int(std::floor(span));
  for (int n = 0; n <= width; ++n) {
    w[n] = float(0.5 * (1 + std::cos(M_PI * (-1 + 2.0 * n / (alpha * (size - 1))))));
    w[size - 1 - n] = w[n];
  }
  return w;
}

// Centred crop to the largest even square (NanoPyx's _make_even_square), tapered.
std::vector<float> evenSquareTapered(std::span<const float> image, int rows, int cols, int side) {
  const int top = (rows - side) / 2, left = (cols - side) / 2;
  const auto taper = tukeyWindow(side, 0.25);
  std::vector<float> out(std::size_t(side) * side);
  for (int r = 0; r < side; ++r)
    for (int c = 0; c < side; ++c)
      out[std::size_t(r) * side + c] = image[std::size_t(r + top) * cols + c + left] * taper[c] * taper[r];
  return out;
}

}  // namespace

bool FrcCurve::defined() const {
  for (const double value : correlation)
    if (!std::isfinite(value)) return false;
  return true;
}

std::optional<double> firstCrossing(const std::vector<double>& x, const std::vector<double>& y, double threshold) {
  for (std::size_t i = 1; i < y.size(); ++i) {
    const double y1 = y[i - 1], y2 = y[i];
    const bool crosses = (threshold >= y1 && threshold < y2) || (y1 >= threshold && y2 < threshold);
    if (!crosses) continue;
    if (y1 == y2) return x[i - 1];
    return x[i - 1] + (threshold - y1) * (x[i] - x[i - 1]) / (y2 - y1);
  }
  return std::nullopt;
}

FrcCurve fourierRingCorrelation(std::span<const float> first, std::span<const float> second, int rows, int cols,
                                double pixelSize) {
  const int side = std::min(rows, cols) & ~1;
  if (side < 8) throw ParameterError("frc needs images of at least 8 x 8 pixels");
  const auto a = evenSquareTapered(first, rows, cols, side), b = evenSquareTapered(second, rows, cols, side);
  const HalfSpectrum fa(a.data(), side, side), fb(b.data(), side, side);
  std::vector<float> cross(std::size_t(side) * side), powerA(cross.size()), powerB(cross.size());
  for (int y = 0; y < side; ++y)
    for (int x = 0; x < side; ++x) {
      const std::complex<double> va = fa.shifted(y, x), vb = fb.shifted(y, x);
      const std::size_t i = std::size_t(y) * side + x;
      cross[i] = float(va.real() * vb.real() + va.imag() * vb.imag());
      powerA[i] = float(std::norm(va));
      powerB[i] = float(std::norm(vb));
    }
  const int maxR = side / 2 - 1;
  const double centre = maxR + 1;
  FrcCurve curve;
  std::vector<double> raw(maxR, 1.0);
  for (int r = 0; r < maxR; ++r) curve.frequency.push_back(maxR > 1 ? r * (1.0 / (2 * pixelSize)) / (maxR - 1) : 0);
  for (int r = 1; r < maxR; ++r) {
    double sums[3] = {0, 0, 0};
    const float step = 1.0f / float(r);
    const int samples = int(std::ceil(double(float(2 * M_PI)) / double(step)));
    for (int k = 0; k < samples; ++k) {
      const float angle = float(k) * step;
      const double x = centre + r * std::cos(angle), y = centre + r * std::sin(angle);
      const int x0 = int(x), y0 = int(y);
      const double fx = std::max(0.0, x - x0), fy = std::max(0.0, y - y0);
      const std::size_t at = std::size_t(y0) * side + x0;
      const float* maps[3] = {cross.data(), powerA.data(), powerB.data()};
      for (int m = 0; m < 3; ++m) {
        const float* v = maps[m];
        const double lower = v[at] + fx * (v[at + 1] - v[at]);
        const double upper = v[at + side] + fx * (v[at + side + 1] - v[at + side]);
        sums[m] += lower + fy * (upper - lower);
      }
    }
    raw[r] = sums[0] / std::sqrt(sums[1] * sums[2]);
  }
  const int window = std::max(4, int(0.0707 * maxR));
  curve.correlation = savitzkyGolay(raw, window, 3);
  if (!curve.defined()) return curve;
  if (const auto f = firstCrossing(curve.frequency, curve.correlation, kFrcThreshold); f && *f > 0)
    curve.resolution = 1.0 / *f;
  return curve;
}

}  // namespace lqs
