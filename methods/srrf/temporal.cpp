#include "methods/srrf/temporal.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "core/errors.hpp"

namespace lqs {

TemporalCorrelation temporalCorrelationFrom(const std::string& name) {
  if (name == "avg") return TemporalCorrelation::Avg;
  if (name == "var") return TemporalCorrelation::Var;
  if (name == "tac2") return TemporalCorrelation::Tac2;
  throw ParameterError("unknown temporal correlation '" + name + "' (avg, var or tac2)");
}

TemporalAccumulator::TemporalAccumulator(TemporalCorrelation mode, std::size_t pixels)
    : mode_(mode), state_(pixels) {}

// Parallel over pixels: with a GPU map producer this host-side reduction would be the bottleneck.
void TemporalAccumulator::add(const float* map) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, state_.size(), 1 << 14), [&](const auto& range) {
    for (std::size_t i = range.begin(); i < range.end(); ++i)
      lqs_temporal_add(&state_[i], int(mode_), int(frames_), map[i]);
  });
  ++frames_;
}

std::vector<float> TemporalAccumulator::result() const {
  if (mode_ == TemporalCorrelation::Tac2 && frames_ < 2)
    throw ParameterError("temporal_correlation=tac2 needs at least 2 frames per time point");
  std::vector<float> out(state_.size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = lqs_temporal_result(&state_[i], int(mode_), int(frames_));
  return out;
}

}  // namespace lqs
