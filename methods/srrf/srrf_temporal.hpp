#pragma once
// SRRF temporal analysis of one time point's radiality maps (NanoPyx's
// calculate_SRRF_temporal_correlations without lag-time integration):
//  order 0: maximum; 1: mean; -1: pairwise product sum sum_{t0<=t1} r+_t0 r+_t1 / (T (T+1) / 2)
//  with r+ = max(r, 0); 2..4: |auto-cumulant| over the T - order lag windows, divided by T.
// Order 3 is the triple product |sum d_t d_{t+1} d_{t+2}| / T (NanoJ's definition); NanoPyx adds
// d_{t+2} instead of multiplying, which we do not reproduce.
// Orders 0, 1, -1 stream (a few maps of memory); 2..4 keep the time point's maps (two passes).
#include <cstddef>
#include <vector>

namespace lqs {

class SrrfTemporal {
 public:
  SrrfTemporal(int order, std::size_t pixels);
  void add(const float* map);
  // The reduced map; orders 2..4 need more than `order` frames (ParameterError otherwise).
  std::vector<float> result() const;

 private:
  std::vector<float> cumulant() const;

  int order_;
  std::size_t pixels_, frames_ = 0;
  std::vector<double> sum_, sumSquares_;
  std::vector<float> maximum_, kept_;
};

}  // namespace lqs
