#include "methods/registration/cross_correlation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lqs {

namespace {

// Signed frequency of FFT bin k of n.
double frequency(int k, int n) {
  return k <= n / 2 ? k : k - n;
}

// Correlation at rows y0 + i*step, cols x0 + j*step (i, j < count): E_rows * R * E_cols^T.
std::vector<double> correlationGrid(const Spectrum& product, int rows, int cols, double y0, double x0,
                                    double step, int count) {
  const double twoPi = 2 * M_PI;
  std::vector<std::complex<double>> partial(std::size_t(count) * cols);
  for (int i = 0; i < count; ++i) {
    const double y = y0 + i * step;
    for (int ky = 0; ky < rows; ++ky) {
      const std::complex<double> e = std::polar(1.0, twoPi * frequency(ky, rows) * y / rows);
      for (int kx = 0; kx < cols; ++kx)
        partial[std::size_t(i) * cols + kx] += e * product[std::size_t(ky) * cols + kx];
    }
  }
  std::vector<double> grid(std::size_t(count) * count);
  for (int j = 0; j < count; ++j) {
    const double x = x0 + j * step;
    std::vector<std::complex<double>> e(cols);
    for (int kx = 0; kx < cols; ++kx) e[kx] = std::polar(1.0, twoPi * frequency(kx, cols) * x / cols);
    for (int i = 0; i < count; ++i) {
      std::complex<double> s = 0;
      for (int kx = 0; kx < cols; ++kx) s += e[kx] * partial[std::size_t(i) * cols + kx];
      grid[std::size_t(i) * count + j] = s.real() / (double(rows) * cols);
    }
  }
  return grid;
}

}  // namespace

double imageNorm(const std::vector<double>& image) {
  return std::sqrt(std::inner_product(image.begin(), image.end(), image.begin(), 0.0));
}

Shift integerPeak(const double* map, int rows, int cols, Shift centre, double radius) {
  Shift best{centre.dy, centre.dx, -1e300};
  const int r = int(std::ceil(radius));
  for (int dy = int(std::lround(centre.dy)) - r; dy <= int(std::lround(centre.dy)) + r; ++dy)
    for (int dx = int(std::lround(centre.dx)) - r; dx <= int(std::lround(centre.dx)) + r; ++dx) {
      if (std::hypot(dy - centre.dy, dx - centre.dx) > radius + 0.5) continue;
      const int y = ((dy % rows) + rows) % rows, x = ((dx % cols) + cols) % cols;
      const double value = map[std::size_t(y) * cols + x];
      if (value > best.peak) best = {double(dy), double(dx), value};
    }
  return best;
}

std::vector<double> withoutMean(const float* image, std::size_t size) {
  const double mean = std::accumulate(image, image + size, 0.0) / double(size);
  std::vector<double> out(size);
  for (std::size_t i = 0; i < size; ++i) out[i] = image[i] - mean;
  return out;
}

ReferenceSpectrum::ReferenceSpectrum(const std::vector<double>& image, int rows, int cols)
    : rows_(rows), cols_(cols), conjugate_(forwardFft(image.data(), rows, cols)), energy_(imageNorm(image)) {
  for (auto& v : conjugate_) v = std::conj(v);
}

Shift ReferenceSpectrum::locate(const std::vector<double>& image, Shift centre, double radius) const {
  Spectrum product = forwardFft(image.data(), rows_, cols_);
  for (std::size_t i = 0; i < product.size(); ++i) product[i] *= conjugate_[i];
  const Spectrum map = inverseFft(product, rows_, cols_);
  std::vector<double> real(map.size());
  for (std::size_t i = 0; i < map.size(); ++i) real[i] = map[i].real();
  Shift best = refinePeak(integerPeak(real.data(), rows_, cols_, centre, radius),
                          [&](double y0, double x0, double step) {
                            return correlationGrid(product, rows_, cols_, y0, x0, step, kGridPoints);
                          });
  best.peak = normalisedPeak(best.peak, energy_, imageNorm(image));
  return best;
}

}  // namespace lqs
