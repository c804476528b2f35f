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

// Correlation at rows y0 + i*step, cols x0 + j*step (i, j < count): E_rows * R * E_cols^T, rows of
// the grid in parallel with `schedule`. Products are written out in real arithmetic: std::complex's
// operator* calls the library's NaN-recovering routine, several times slower.
std::vector<double> correlationGrid(const Spectrum& product, int rows, int cols, double y0, double x0,
                                    double step, int count, CpuSchedule schedule) {
  const double twoPi = 2 * M_PI;
  // e^(2 pi i f(kx) x_j / cols) for every grid column j
  std::vector<double> columnCos(std::size_t(count) * cols), columnSin(columnCos.size());
  for (int j = 0; j < count; ++j)
    for (int kx = 0; kx < cols; ++kx) {
      const double angle = twoPi * frequency(kx, cols) * (x0 + j * step) / cols;
      columnCos[std::size_t(j) * cols + kx] = std::cos(angle),
                                        columnSin[std::size_t(j) * cols + kx] = std::sin(angle);
    }
  std::vector<double> grid(std::size_t(count) * count);
  forRange(schedule, std::size_t(count), [&](std::size_t begin, std::size_t end) {
    std::vector<double> re(cols), im(cols);  // row i of E_rows * R
    for (std::size_t i = begin; i < end; ++i) {
      const double y = y0 + double(i) * step;
      std::fill(re.begin(), re.end(), 0.0);
      std::fill(im.begin(), im.end(), 0.0);
      for (int ky = 0; ky < rows; ++ky) {
        const double angle = twoPi * frequency(ky, rows) * y / rows, c = std::cos(angle), s = std::sin(angle);
        const std::complex<double>* p = product.data() + std::size_t(ky) * cols;
        for (int kx = 0; kx < cols; ++kx) {
          re[kx] += c * p[kx].real() - s * p[kx].imag();
          im[kx] += c * p[kx].imag() + s * p[kx].real();
        }
      }
      for (int j = 0; j < count; ++j) {
        const double* cj = columnCos.data() + std::size_t(j) * cols;
        const double* sj = columnSin.data() + std::size_t(j) * cols;
        double sum = 0;
        for (int kx = 0; kx < cols; ++kx) sum += cj[kx] * re[kx] - sj[kx] * im[kx];
        grid[i * std::size_t(count) + std::size_t(j)] = sum / (double(rows) * cols);
      }
    }
  });
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

Shift ReferenceSpectrum::locate(const std::vector<double>& image, Shift centre, double radius,
                                CpuSchedule schedule) const {
  Spectrum product = forwardFft(image.data(), rows_, cols_);
  for (std::size_t i = 0; i < product.size(); ++i) product[i] *= conjugate_[i];
  const Spectrum map = inverseFft(product, rows_, cols_);
  std::vector<double> real(map.size());
  for (std::size_t i = 0; i < map.size(); ++i) real[i] = map[i].real();
  Shift best = refinePeak(
      integerPeak(real.data(), rows_, cols_, centre, radius), [&](double y0, double x0, double step) {
        return correlationGrid(product, rows_, cols_, y0, x0, step, kGridPoints, schedule);
      });
  best.peak = normalisedPeak(best.peak, energy_, imageNorm(image));
  return best;
}

}  // namespace lqs
