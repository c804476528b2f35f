#include "methods/quality/frc.hpp"

#include <cmath>
#include <complex>
#include <optional>

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

// Re(A conj(B)), |A|^2 and |B|^2 per frequency, rounded to float as NanoPyx's maps hold them. All
// three are even in the frequency, so the real-input half holds every value: a pixel of the shifted
// map left of the centre column reads its mirror through zero frequency.
class RingTerms {
 public:
  RingTerms(const HalfSpectrum& a, const HalfSpectrum& b, int side)
      : side_(side), halfCols_(side / 2 + 1), values_(3 * std::size_t(side) * halfCols_) {
    for (int ky = 0; ky < side; ++ky)
      for (int kx = 0; kx < halfCols_; ++kx) {
        const std::complex<double> va = a.stored(ky, kx), vb = b.stored(ky, kx);
        float* v = values_.data() + 3 * (std::size_t(ky) * halfCols_ + kx);
        v[0] = float(va.real() * vb.real() + va.imag() * vb.imag());
        v[1] = float(std::norm(va));
        v[2] = float(std::norm(vb));
      }
  }

  // The three terms at (y, x) of the shifted maps (zero frequency at side / 2), for y, x in [0, side).
  const float* at(int y, int x) const {
    int ky = y - side_ / 2, kx = x - side_ / 2;  // signed frequencies
    if (kx < 0) ky = -ky, kx = -kx;
    if (ky < 0) ky += side_;
    if (ky >= side_) ky -= side_;
    return values_.data() + 3 * (std::size_t(ky) * halfCols_ + kx);
  }

 private:
  int side_, halfCols_;
  std::vector<float> values_;
};

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

FrcCurve fourierRingCorrelation(std::span<const float> first, std::span<const float> second, int rows,
                                int cols, double pixelSize, CpuSchedule schedule) {
  const int side = std::min(rows, cols) & ~1;
  if (side < 8) throw ParameterError("frc needs images of at least 8 x 8 pixels");
  std::optional<HalfSpectrum> spectra[2];
  forRange(schedule, 2, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      spectra[i].emplace(evenSquareTapered(i == 0 ? first : second, rows, cols, side).data(), side, side);
  });
  const RingTerms terms(*spectra[0], *spectra[1], side);
  const int maxR = side / 2 - 1;
  const double centre = maxR + 1;
  FrcCurve curve;
  std::vector<double> raw(maxR, 1.0);
  for (int r = 0; r < maxR; ++r) curve.frequency.push_back(maxR > 1 ? r * (1.0 / (2 * pixelSize)) / (maxR - 1) : 0);
  // each ring summed in order by one thread: the same result on any schedule
  forRange(schedule, std::size_t(maxR), [&](std::size_t begin, std::size_t end) {
    for (int r = std::max(1, int(begin)); r < int(end); ++r) {
      double sums[3] = {0, 0, 0};
      const float step = 1.0f / float(r);
      const int samples = int(std::ceil(double(float(2 * M_PI)) / double(step)));
      for (int k = 0; k < samples; ++k) {
        const float angle = float(k) * step;
        const double x = centre + r * std::cos(angle), y = centre + r * std::sin(angle);
        const int x0 = int(x), y0 = int(y);
        const double fx = std::max(0.0, x - x0), fy = std::max(0.0, y - y0);
        const float *v00 = terms.at(y0, x0), *v01 = terms.at(y0, x0 + 1), *v10 = terms.at(y0 + 1, x0),
                    *v11 = terms.at(y0 + 1, x0 + 1);
        for (int m = 0; m < 3; ++m) {
          const double lower = v00[m] + fx * (v01[m] - v00[m]);
          const double upper = v10[m] + fx * (v11[m] - v10[m]);
          sums[m] += lower + fy * (upper - lower);
        }
      }
      raw[r] = sums[0] / std::sqrt(sums[1] * sums[2]);
    }
  });
  const int window = std::max(4, int(0.0707 * maxR));
  curve.correlation = savitzkyGolay(raw, window, 3);
  if (!curve.defined()) return curve;
  if (const auto f = firstCrossing(curve.frequency, curve.correlation, kFrcThreshold); f && *f > 0)
    curve.resolution = 1.0 / *f;
  return curve;
}

}  // namespace lqs
