#pragma once
// What the Liquid Engine view shows, without widgets: one method's recorded runs grouped per
// implementation and per input size, and the agent's choice for the current input put in words.
#include <string>
#include <vector>

#include "engine/agent.hpp"
#include "engine/run_store.hpp"

namespace lqs::gui {

// The runs of one implementation at one signature (input shapes and cost parameters).
struct SizePoint {
  double size = 1;          // the signature's score: input elements times cost parameters
  std::string signature;
  std::size_t runs = 0;     // successful runs
  std::size_t failures = 0;
  double medianSeconds = 0;  // over the successful runs; 0 without any
  double fastestSeconds = 0;
};

struct ImplementationRuns {
  std::string implementation;
  std::vector<SizePoint> points;  // by size, smallest first
};

// Groups one method's runs by implementation (names sorted) and signature.
std::vector<ImplementationRuns> groupRuns(const std::vector<RunRecord>& runs);

// One line per candidate of the agent's ranking, in its order: how its time was estimated.
std::string describePrediction(const Prediction& prediction);
// Why the first of `ranking` is the one the agent would run now.
std::string explainChoice(const std::vector<Prediction>& ranking);

}  // namespace lqs::gui
