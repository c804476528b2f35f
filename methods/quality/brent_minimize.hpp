#pragma once
// One-dimensional minimisation as scipy.optimize.brent with a two-point bracket: golden-ratio
// bracketing with parabolic extrapolation (which may leave the initial interval), then Brent's method.
#include <functional>

namespace lqs {

struct Minimum {
  double x = 0, value = 0;
  int iterations = 0;
};

Minimum brentMinimize(const std::function<double(double)>& f, double a, double b, int maxIterations = 1000,
                      double tolerance = 1.48e-8);

}  // namespace lqs
