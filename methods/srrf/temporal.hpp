#pragma once
// eSRRF temporal correlations accumulated frame by frame, so a time point of any length needs a
// few maps of memory: AVG (mean), VAR (population variance), TAC2 (lag-1 auto-covariance about the
// mean, divided by T - 1).
#include <string>
#include <vector>

namespace lqs {

enum class TemporalCorrelation { Avg, Var, Tac2 };
TemporalCorrelation temporalCorrelationFrom(const std::string& name);

class TemporalAccumulator {
 public:
  TemporalAccumulator(TemporalCorrelation mode, std::size_t pixels);
  void add(const float* map);
  std::size_t frames() const { return frames_; }
  // The reduced map; TAC2 needs at least 2 frames (ParameterError otherwise).
  std::vector<float> result() const;

 private:
  TemporalCorrelation mode_;
  std::size_t frames_ = 0;
  std::vector<double> sum_, sumSquares_, lagProducts_;
  std::vector<float> first_, previous_;
};

}  // namespace lqs
