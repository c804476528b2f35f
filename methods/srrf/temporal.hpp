#pragma once
// eSRRF temporal correlations accumulated frame by frame (gpu/kernels/esrrf_temporal.h, the same
// per-pixel functions the GPU implementations use), so a time point of any length needs one
// running state per pixel.
#include <string>
#include <vector>

#include "gpu/kernels/esrrf_temporal.h"
#include "methods/common/cpu.hpp"

namespace lqs {

enum class TemporalCorrelation { Avg = LQS_TEMPORAL_AVG, Var = LQS_TEMPORAL_VAR, Tac2 = LQS_TEMPORAL_TAC2 };
TemporalCorrelation temporalCorrelationFrom(const std::string& name);

class TemporalAccumulator {
 public:
  // `schedule`: over pixels with TBB, or on the calling thread only (cpu:unthreaded).
  TemporalAccumulator(TemporalCorrelation mode, std::size_t pixels, CpuSchedule schedule = CpuSchedule::Tbb);
  void add(const float* map);
  std::size_t frames() const { return frames_; }
  // The reduced map; TAC2 needs at least 2 frames (ParameterError otherwise).
  std::vector<float> result() const;

 private:
  TemporalCorrelation mode_;
  CpuSchedule schedule_;
  std::size_t frames_ = 0;
  std::vector<lqs_temporal_state> state_;
};

}  // namespace lqs
