#pragma once
// What the agent knows about one implementation: its recent run times split at the median into a
// fast and a slow half, and whether it is delayed right now (the paper's eqs. 1, 2 and 5), all
// derived from the recorded sequence so every process reaches the same view.
#include <vector>

namespace lqs {

struct TimingStats {
  double fastAverage = 0, fastStd = 0, slowAverage = 0, slowStd = 0;
};

struct DelayState {
  bool delayed = false;
  double factor = 1;       // delayed run time / fast average (eq. 2)
  double persistence = 0;  // probability the delay persists on the next run
};

constexpr std::size_t kHistoryLength = 50;  // most recent runs used
constexpr std::size_t kTrustedRuns = 3;     // fewer than this: no delay is judged

TimingStats timingStats(const std::vector<double>& seconds);  // over the last kHistoryLength runs
DelayState delayState(const std::vector<double>& seconds);     // replays the sequence, oldest first

// P(delayed at i+1 | delayed at i) from the delayed/not-delayed sequence: the maximum-likelihood
// fit of a logistic model with that single binary predictor; 0.01 when only one class was seen.
double delayPersistence(const std::vector<bool>& delayed);

}  // namespace lqs
