#include "methods/quality/gaussian_blur.hpp"

#include <cmath>

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

}  // namespace lqs
