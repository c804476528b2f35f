#include "methods/srrf/temporal.hpp"

#include "core/errors.hpp"

namespace lqs {

TemporalCorrelation temporalCorrelationFrom(const std::string& name) {
  if (name == "avg") return TemporalCorrelation::Avg;
  if (name == "var") return TemporalCorrelation::Var;
  if (name == "tac2") return TemporalCorrelation::Tac2;
  throw ParameterError("unknown temporal correlation '" + name + "' (avg, var or tac2)");
}

TemporalAccumulator::TemporalAccumulator(TemporalCorrelation mode, std::size_t pixels, CpuSchedule schedule)
    : mode_(mode), schedule_(schedule), state_(pixels) {}

// Parallel over pixels unless asked not to: with a GPU map producer this host-side reduction would
// be the bottleneck.
void TemporalAccumulator::add(const float* map) {
  forRange(schedule_, state_.size(), [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) lqs_temporal_add(&state_[i], int(mode_), int(frames_), map[i]);
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
