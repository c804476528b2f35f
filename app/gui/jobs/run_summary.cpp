#include "app/gui/jobs/run_summary.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "engine/run_history.hpp"

namespace lqs::gui {

namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

std::string seconds(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g s", value);
  return text;
}

}  // namespace

std::vector<ImplementationRuns> groupRuns(const std::vector<RunRecord>& runs) {
  struct Collected {
    double score = 1;
    std::vector<double> seconds;
    std::size_t failures = 0;
  };
  std::map<std::string, std::map<std::string, Collected>> byImplementation;
  for (const RunRecord& run : runs) {
    Collected& c = byImplementation[run.implementation][run.signature];
    c.score = run.score;
    if (run.ok) c.seconds.push_back(run.seconds);
    else ++c.failures;
  }
  std::vector<ImplementationRuns> grouped;
  for (const auto& [implementation, signatures] : byImplementation) {
    ImplementationRuns series{implementation, {}};
    for (const auto& [signature, c] : signatures)
      series.points.push_back({c.score, signature, c.seconds.size(), c.failures, median(c.seconds),
                               c.seconds.empty() ? 0 : *std::min_element(c.seconds.begin(), c.seconds.end())});
    std::stable_sort(series.points.begin(), series.points.end(),
                     [](const SizePoint& a, const SizePoint& b) { return a.size < b.size; });
    grouped.push_back(std::move(series));
  }
  return grouped;
}

std::string describePrediction(const Prediction& p) {
  std::string text;
  switch (p.source) {
    case Prediction::Source::History: text = seconds(p.seconds) + " expected from this machine's runs"; break;
    case Prediction::Source::Factory: text = seconds(p.seconds) + " from the factory benchmarks, scaled to this size"; break;
    case Prediction::Source::Untried:
      text = "no estimate: fewer than " + std::to_string(kTrustedRuns) + " runs at any size";
      break;
  }
  if (p.delayed) text += "; its device looks delayed now (time includes the expected delay)";
  if (p.recentlyFailed) text += "; failed here recently, retried after an hour";
  return text;
}

std::string explainChoice(const std::vector<Prediction>& ranking) {
  if (ranking.empty()) return "This method has no implementation on this machine.";
  const Prediction& first = ranking.front();
  const std::string name = first.implementation;
  if (first.recentlyFailed) return name + ": every implementation failed recently on this input; the agent tries them again in turn.";
  switch (first.source) {
    case Prediction::Source::Untried:
      return name + ": it has too few runs to be trusted, and the agent tries such implementations first so that "
                    "every one gets measured (run it a few times or press Benchmark now).";
    case Prediction::Source::Factory:
      return name + ": no runs recorded on this machine yet, and the factory benchmarks make it the fastest (" +
             seconds(first.seconds) + ").";
    case Prediction::Source::History:
      break;
  }
  const bool fastest = std::none_of(ranking.begin() + 1, ranking.end(), [&](const Prediction& other) {
    return other.source == Prediction::Source::History && !other.recentlyFailed && other.seconds < first.seconds;
  });
  if (!fastest)
    return name + ": a device looks delayed, so the agent picks at random, weighted by 1/time², to keep probing it.";
  return name + ": the shortest expected time (" + seconds(first.seconds) +
         ") from the runs recorded here at this input size (or the nearest size with " + std::to_string(kTrustedRuns) +
         "+ runs)" + (first.delayed ? ", even with its device's current delay." : ".");
}

}  // namespace lqs::gui
