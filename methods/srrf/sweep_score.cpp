#include "methods/srrf/sweep_score.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/errors.hpp"

namespace lqs {

std::vector<double> sweepValues(double min, double max, int steps, const std::string& what) {
  if (steps < 1)
    throw ParameterError("esrrf-sweep: " + what + "_steps = " + std::to_string(steps) +
                         " gives an empty grid; use at least 1");
  if (max < min)
    throw ParameterError("esrrf-sweep: " + what + "_max must not be smaller than " + what + "_min");
  std::vector<double> values(std::size_t(steps), min);
  for (int i = 1; i < steps; ++i) values[std::size_t(i)] = min + (max - min) * double(i) / double(steps - 1);
  return values;
}

std::vector<double> normalisedResolutions(const std::vector<double>& resolutions) {
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (const double r : resolutions)
    if (std::isfinite(r)) low = std::min(low, r), high = std::max(high, r);
  // the logistic's two anchors: the best resolution maps to m2, the worst to m1
  constexpr double m1 = 0.075, m2 = 0.925;
  const double a1 = std::log((1 - m1) / m1), a2 = std::log((1 - m2) / m2);
  const double x0 = (a2 * high - a1 * low) / (a2 - a1);
  const double k = a1 / (x0 - high);
  std::vector<double> scores;
  for (const double r : resolutions) {
    if (!std::isfinite(r))
      scores.push_back(std::isfinite(low) ? 0.0 : 0.5);
    else if (low == high)
      scores.push_back(0.5);
    else
      scores.push_back(1.0 / (std::exp(-k * (r - x0)) + 1.0));
  }
  return scores;
}

double qualityAndResolution(double rsp, double normalisedResolution) {
  const double sum = rsp + normalisedResolution;
  if (sum == 0) return 0.0;
  const double qnr = 2 * rsp * normalisedResolution / sum;
  return std::isfinite(qnr) ? qnr : 0.0;
}

std::size_t firstArgmax(const std::vector<double>& values) {
  return std::size_t(std::max_element(values.begin(), values.end()) - values.begin());
}

}  // namespace lqs
