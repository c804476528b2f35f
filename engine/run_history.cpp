#include "engine/run_history.hpp"

#include <algorithm>
#include <cmath>

namespace lqs {

namespace {

std::vector<double> recent(const std::vector<double>& seconds) {
  const std::size_t n = std::min(seconds.size(), kHistoryLength);
  return {seconds.end() - std::ptrdiff_t(n), seconds.end()};
}

void meanAndStd(std::vector<double>::const_iterator begin, std::vector<double>::const_iterator end, double& mean,
                double& deviation) {
  const double n = double(end - begin);
  mean = 0, deviation = 0;
  if (n == 0) return;
  for (auto it = begin; it != end; ++it) mean += *it;
  mean /= n;
  for (auto it = begin; it != end; ++it) deviation += (*it - mean) * (*it - mean);
  deviation = std::sqrt(deviation / n);
}

bool isDelayed(double t, const TimingStats& s) { return t > s.fastAverage + 4 * s.fastStd; }

}  // namespace

TimingStats timingStats(const std::vector<double>& seconds) {
  std::vector<double> sorted = recent(seconds);
  std::sort(sorted.begin(), sorted.end());
  TimingStats stats;
  if (sorted.empty()) return stats;
  const auto middle = sorted.begin() + std::ptrdiff_t((sorted.size() + 1) / 2);
  meanAndStd(sorted.begin(), middle, stats.fastAverage, stats.fastStd);
  meanAndStd(middle, sorted.end(), stats.slowAverage, stats.slowStd);
  if (middle == sorted.end()) stats.slowAverage = stats.fastAverage, stats.slowStd = stats.fastStd;
  return stats;
}

double delayPersistence(const std::vector<bool>& delayed) {
  std::size_t afterDelay = 0, persisted = 0;
  bool anyDelayed = false, anyNormal = false;
  for (std::size_t i = 0; i + 1 < delayed.size(); ++i) {
    anyDelayed |= delayed[i];
    anyNormal |= !delayed[i];
    if (!delayed[i]) continue;
    ++afterDelay;
    persisted += delayed[i + 1] ? 1 : 0;
  }
  if (!anyDelayed || !anyNormal || afterDelay == 0) return 0.01;
  return double(persisted) / double(afterDelay);
}

DelayState delayState(const std::vector<double>& seconds) {
  const std::vector<double> window = recent(seconds);
  DelayState state;
  if (window.size() < kTrustedRuns) return state;
  const TimingStats stats = timingStats(window);
  std::vector<bool> flags;
  for (double t : window) {
    flags.push_back(isDelayed(t, stats));
    if (!state.delayed && isDelayed(t, stats)) {
      state.delayed = true;  // eq. 1
      state.factor = t / stats.fastAverage;
    } else if (state.delayed && (t < stats.slowAverage - stats.slowStd || t < stats.fastAverage + stats.fastStd)) {
      state.delayed = false;  // eq. 5
      state.factor = 1;
    }
  }
  state.persistence = delayPersistence(flags);
  return state;
}

}  // namespace lqs
