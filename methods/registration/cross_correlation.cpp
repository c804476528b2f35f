#include "methods/registration/cross_correlation.hpp"

#include <cmath>
#include <algorithm>
#include <numeric>

namespace lqs {

namespace {

// Signed frequency of FFT bin k of n.
double frequency(int k, int n) { return k <= n / 2 ? k : k - n; }

double energy(const std::vector<double>& image) {
  return std::sqrt(std::inner_product(image.begin(), image.end(), image.begin(), 0.0));
}

// Correlation at rows y0 + i*step, cols x0 + j*step (i, j < count): E_rows * R * E_cols^T.
std::vector<double> correlationGrid(const Spectrum& product, int rows, int cols, double y0, double x0, double step,
                                    int count) {
  const double twoPi = 2 * M_PI;
  std::vector<std::complex<double>> partial(std::size_t(count) * cols);
  for (int i = 0; i < count; ++i) {
    const double y = y0 + i * step;
    for (int ky = 0; ky < rows; ++ky) {
      const std::complex<double> e = std::polar(1.0, twoPi * frequency(ky, rows) * y / rows);
      for (int kx = 0; kx < cols; ++kx) partial[std::size_t(i) * cols + kx] += e * product[std::size_t(ky) * cols + kx];
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

std::vector<double> withoutMean(const float* image, std::size_t size) {
  const double mean = std::accumulate(image, image + size, 0.0) / double(size);
  std::vector<double> out(size);
  for (std::size_t i = 0; i < size; ++i) out[i] = image[i] - mean;
  return out;
}

ReferenceSpectrum::ReferenceSpectrum(const std::vector<double>& image, int rows, int cols)
    : rows_(rows), cols_(cols), conjugate_(forwardFft(image.data(), rows, cols)), energy_(energy(image)) {
  for (auto& v : conjugate_) v = std::conj(v);
}

Shift ReferenceSpectrum::locate(const std::vector<double>& image, Shift centre, double radius) const {
  Spectrum product = forwardFft(image.data(), rows_, cols_);
  for (std::size_t i = 0; i < product.size(); ++i) product[i] *= conjugate_[i];
  const Spectrum map = inverseFft(product, rows_, cols_);

  // integer peak within the window around the expected position (circular map)
  Shift best{centre.dy, centre.dx, -1e300};
  const int r = int(std::ceil(radius));
  for (int dy = int(std::lround(centre.dy)) - r; dy <= int(std::lround(centre.dy)) + r; ++dy)
    for (int dx = int(std::lround(centre.dx)) - r; dx <= int(std::lround(centre.dx)) + r; ++dx) {
      if (std::hypot(dy - centre.dy, dx - centre.dx) > radius + 0.5) continue;
      const int y = ((dy % rows_) + rows_) % rows_, x = ((dx % cols_) + cols_) % cols_;
      const double value = map[std::size_t(y) * cols_ + x].real();
      if (value > best.peak) best = {double(dy), double(dx), value};
    }
  // refine: each level searches +-1.5 steps of the previous level at a 15x finer step
  const int count = 31;
  for (double step : {0.1, 0.1 / 15, 0.1 / 225}) {
    const double half = step * (count - 1) / 2;
    const auto grid = correlationGrid(product, rows_, cols_, best.dy - half, best.dx - half, step, count);
    const auto top = std::max_element(grid.begin(), grid.end()) - grid.begin();
    best = Shift{best.dy - half + double(top / count) * step, best.dx - half + double(top % count) * step, grid[top]};
  }
  const double norm = energy_ * energy(image);
  best.peak = norm > 0 ? best.peak / norm : 0;
  return best;
}

}  // namespace lqs
