#include "methods/srrf/temporal.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/errors.hpp"

namespace lqs {

TemporalCorrelation temporalCorrelationFrom(const std::string& name) {
  if (name == "avg") return TemporalCorrelation::Avg;
  if (name == "var") return TemporalCorrelation::Var;
  if (name == "tac2") return TemporalCorrelation::Tac2;
  throw ParameterError("unknown temporal correlation '" + name + "' (avg, var or tac2)");
}

TemporalAccumulator::TemporalAccumulator(TemporalCorrelation mode, std::size_t pixels)
    : mode_(mode), sum_(pixels, 0.0) {
  if (mode != TemporalCorrelation::Avg) sumSquares_.assign(pixels, 0.0);
  if (mode == TemporalCorrelation::Tac2) lagProducts_.assign(pixels, 0.0);
}

// Parallel over pixels: for GPU implementations this host-side reduction is the bottleneck.
void TemporalAccumulator::add(const float* map) {
  const bool squares = !sumSquares_.empty(), lag = mode_ == TemporalCorrelation::Tac2;
  if (lag && frames_ == 0) first_.assign(map, map + sum_.size()), previous_ = first_;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, sum_.size(), 1 << 14), [&](const auto& range) {
    for (std::size_t i = range.begin(); i < range.end(); ++i) {
      sum_[i] += map[i];
      if (squares) sumSquares_[i] += double(map[i]) * map[i];
      if (lag && frames_ > 0) lagProducts_[i] += double(previous_[i]) * map[i];
      if (lag) previous_[i] = map[i];
    }
  });
  ++frames_;
}

std::vector<float> TemporalAccumulator::result() const {
  const std::size_t n = sum_.size();
  const double T = double(frames_);
  std::vector<float> out(n);
  switch (mode_) {
    case TemporalCorrelation::Avg:
      for (std::size_t i = 0; i < n; ++i) out[i] = float(sum_[i] / T);
      break;
    case TemporalCorrelation::Var:
      for (std::size_t i = 0; i < n; ++i) {
        const double mean = sum_[i] / T;
        out[i] = float(std::max(0.0, sumSquares_[i] / T - mean * mean));
      }
      break;
    case TemporalCorrelation::Tac2:
      if (frames_ < 2) throw ParameterError("temporal_correlation=tac2 needs at least 2 frames per time point");
      // sum_t (x_t - m)(x_{t+1} - m) = sum x_t x_{t+1} - m (2S - x_first - x_last) + (T - 1) m^2
      for (std::size_t i = 0; i < n; ++i) {
        const double m = sum_[i] / T;
        const double covariance =
            lagProducts_[i] - m * (2 * sum_[i] - first_[i] - previous_[i]) + (T - 1) * m * m;
        out[i] = float(covariance / (T - 1));
      }
      break;
  }
  return out;
}

}  // namespace lqs
