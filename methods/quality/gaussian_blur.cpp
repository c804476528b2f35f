#include "methods/quality/gaussian_blur.hpp"

#include <cmath>

#include "gpu/kernels/gaussian_blur.h"

namespace lqs {

std::vector<double> gaussianWeights(double sigma) {
  sigma = std::fabs(sigma);
  if (!(sigma > 1e-15)) return {1.0};
  const int radius = int(4.0 * sigma + 0.5);
  std::vector<double> weights(2 * radius + 1);
  double total = 0;
  for (int x = -radius; x <= radius; ++x) total += weights[x + radius] = std::exp(-0.5 * x * x / (sigma * sigma));
  for (auto& w : weights) w /= total;
  return weights;
}

std::vector<double> gaussianBlur(const std::vector<double>& image, int rows, int cols, double sigma,
                                 CpuSchedule schedule) {
  if (!(std::fabs(sigma) > 1e-15)) return image;
  const auto weights = gaussianWeights(sigma);
  const int radius = int(weights.size() / 2);
  std::vector<double> along(image.size()), out(image.size());
  forRange(schedule, std::size_t(rows), [&](std::size_t begin, std::size_t end) {
    for (int r = int(begin); r < int(end); ++r)
      for (int c = 0; c < cols; ++c) {
        double s = 0;
        for (int k = -radius; k <= radius; ++k)
          s += weights[k + radius] * image[std::size_t(r) * cols + lqs_reflect_index(c + k, cols)];
        along[std::size_t(r) * cols + c] = s;
      }
  });
  forRange(schedule, std::size_t(rows), [&](std::size_t begin, std::size_t end) {
    for (int r = int(begin); r < int(end); ++r)
      for (int c = 0; c < cols; ++c) {
        double s = 0;
        for (int k = -radius; k <= radius; ++k)
          s += weights[k + radius] * along[std::size_t(lqs_reflect_index(r + k, rows)) * cols + c];
        out[std::size_t(r) * cols + c] = s;
      }
  });
  return out;
}

}  // namespace lqs
