#include "methods/quality/gaussian_blur.hpp"

#include <cmath>

namespace lqs {

namespace {

int reflectIndex(int i, int n) {
  const int period = 2 * n;
  i %= period;
  if (i < 0) i += period;
  return i < n ? i : period - 1 - i;
}

std::vector<double> kernel(double sigma) {
  const int radius = int(4.0 * sigma + 0.5);
  std::vector<double> weights(2 * radius + 1);
  double total = 0;
  for (int x = -radius; x <= radius; ++x) total += weights[x + radius] = std::exp(-0.5 * x * x / (sigma * sigma));
  for (auto& w : weights) w /= total;
  return weights;
}

}  // namespace

std::vector<double> gaussianBlur(const std::vector<double>& image, int rows, int cols, double sigma) {
  if (!(std::fabs(sigma) > 1e-15)) return image;
  const auto weights = kernel(std::fabs(sigma));
  const int radius = int(weights.size() / 2);
  std::vector<double> along(image.size()), out(image.size());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      double s = 0;
      for (int k = -radius; k <= radius; ++k) s += weights[k + radius] * image[std::size_t(r) * cols + reflectIndex(c + k, cols)];
      along[std::size_t(r) * cols + c] = s;
    }
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      double s = 0;
      for (int k = -radius; k <= radius; ++k) s += weights[k + radius] * along[std::size_t(reflectIndex(r + k, rows)) * cols + c];
      out[std::size_t(r) * cols + c] = s;
    }
  return out;
}

}  // namespace lqs
