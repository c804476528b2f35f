#include "engine/agent.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/run_history.hpp"

namespace lqs {

MethodHistory::MethodHistory(const std::vector<RunRecord>& runs) {
  for (const auto& run : runs) add(run);
}

void MethodHistory::add(const RunRecord& run) {
  Series& s = series_[{run.implementation, run.device}][run.signature];
  s.score = run.score;
  if (run.ok) {
    s.seconds.push_back(run.seconds);
    if (s.seconds.size() > 4 * kHistoryLength) s.seconds.erase(s.seconds.begin());
    s.lastOk = std::max(s.lastOk, run.time);
  } else {
    s.lastFailure = std::max(s.lastFailure, run.time);
  }
}

const std::map<std::string, MethodHistory::Series>* MethodHistory::find(const std::string& implementation,
                                                                        const std::string& device) const {
  const auto it = series_.find({implementation, device});
  return it == series_.end() ? nullptr : &it->second;
}

namespace {

struct Assessment {
  Prediction prediction;
  std::string deviceName, factoryKey;
  double fastAverage = 0;
  double factorySeconds = 0;  // the factory benchmarks' estimate at this score; 0 when they have none
  DelayState delay;
};

// The factory benchmarks' time for `key` at `score`, from the entry nearest in score (cost grows
// with the work); 0 when they have none.
double factorySeconds(const std::vector<FactoryBenchmark>& factory, const std::string& method,
                      const std::string& key, double score) {
  const FactoryBenchmark* nearest = nullptr;
  for (const auto& f : factory)
    if (f.method == method && f.implementation == key &&
        (!nearest || std::fabs(f.score - score) < std::fabs(nearest->score - score)))
      nearest = &f;
  return nearest ? nearest->seconds * score / nearest->score : 0;
}

bool onTheCpu(const std::string& factoryKey) {
  return factoryKey.rfind("cpu", 0) == 0;
}

// Trying an implementation costs a whole run. One on the CPU that the factory benchmarks put, by
// their ratio to a CPU implementation measured here, at more than kExploreSlack times the fastest
// measured here keeps that estimate instead of being tried first: a first eSRRF ran 173 s on
// cpu:unthreaded where cpu:tbb took 111 and cpu:simd takes far less. Ratios between two
// implementations on one processor carry over between machines; other hardware's do not, so the
// GPUs are still tried. A CPU variant without factory figures of its own (cpu:simd) is measured
// against cpu:tbb's: the same threads, vectorised, no slower, so the estimate errs towards trying.
void estimateSlowCpuCandidates(std::vector<Assessment>& assessed, double tbbFactorySeconds) {
  double fastest = std::numeric_limits<double>::infinity();
  for (const auto& a : assessed)
    if (a.prediction.source == Prediction::Source::History) fastest = std::min(fastest, a.fastAverage);
  for (auto& a : assessed) {
    if (a.prediction.source != Prediction::Source::Untried || !onTheCpu(a.factoryKey) ||
        a.factorySeconds <= 0)
      continue;
    // from the measured ones with factory figures of their own; only without any, the stand-ins
    double estimate = std::numeric_limits<double>::infinity(), standIn = estimate;
    for (const auto& known : assessed) {
      if (known.prediction.source != Prediction::Source::History || !onTheCpu(known.factoryKey)) continue;
      if (known.factorySeconds > 0)
        estimate = std::min(estimate, known.fastAverage * a.factorySeconds / known.factorySeconds);
      else if (tbbFactorySeconds > 0)
        standIn = std::min(standIn, known.fastAverage * a.factorySeconds / tbbFactorySeconds);
    }
    if (!std::isfinite(estimate)) estimate = standIn;
    if (std::isfinite(estimate) && estimate > Agent::kExploreSlack * fastest) {
      a.fastAverage = estimate;
      a.prediction.source = Prediction::Source::Factory;
    }
  }
}

// The runs to predict from: those of the recorded signature nearest in score, this very one first,
// however few. The original trusts only signatures with three runs or more, so an implementation
// timed once or twice on a large input was predicted from its runs on a small one and won against
// ones measured three times on the large input (the crossover bench picked a 30x slower
// implementation). Delays are still only judged on kTrustedRuns runs or more (delayState).
const MethodHistory::Series* nearestSeries(const std::map<std::string, MethodHistory::Series>& all,
                                           const std::string& signature, double score) {
  const auto exact = all.find(signature);
  if (exact != all.end() && !exact->second.seconds.empty()) return &exact->second;
  const MethodHistory::Series* nearest = nullptr;
  for (const auto& [text, series] : all) {
    if (series.seconds.empty()) continue;
    if (!nearest || std::fabs(series.score - score) < std::fabs(nearest->score - score)) nearest = &series;
  }
  return nearest;
}

}  // namespace

std::vector<Prediction> Agent::rank(const std::string& method, const std::string& signature, double score,
                                    const std::vector<Candidate>& candidates, const MethodHistory& history,
                                    double now) {
  std::vector<Assessment> assessed;
  for (const auto& candidate : candidates) {
    Assessment a;
    a.prediction.implementation = candidate.implementation;
    a.deviceName = candidate.deviceName;
    if (const auto* all = history.find(candidate.implementation, candidate.device)) {
      if (const auto exact = all->find(signature); exact != all->end()) {
        const auto& s = exact->second;
        a.prediction.recentlyFailed = s.lastFailure > s.lastOk && now - s.lastFailure < kRetryFailedAfter;
      }
      if (const auto* series = nearestSeries(*all, signature, score)) {
        a.fastAverage = timingStats(series->seconds).fastAverage;
        a.delay = delayState(series->seconds);
        a.prediction.source = Prediction::Source::History;
      }
    }
    a.factoryKey = candidate.factoryKey;
    a.factorySeconds = factorySeconds(factory_, method, candidate.factoryKey, score);
    if (a.prediction.source == Prediction::Source::Untried && a.factorySeconds > 0) {
      a.fastAverage = a.factorySeconds;
      a.prediction.source = Prediction::Source::Factory;
    }
    assessed.push_back(a);
  }
  // factory benchmarks stand in only until this machine has runs of its own: once any implementation
  // has them, the ones known only from the factory (another machine) are tried like new ones
  const bool ownHistory = std::any_of(assessed.begin(), assessed.end(), [](const Assessment& a) {
    return a.prediction.source == Prediction::Source::History;
  });
  for (auto& a : assessed)
    if (ownHistory && a.prediction.source == Prediction::Source::Factory) a.prediction.source = Prediction::Source::Untried;
  estimateSlowCpuCandidates(assessed, factorySeconds(factory_, method, "cpu:tbb", score));
  // a delay on one implementation slows every implementation on the same hardware
  for (auto& a : assessed)
    for (const auto& other : assessed)
      if (!a.delay.delayed && other.delay.delayed && other.deviceName == a.deviceName) a.delay = other.delay;

  for (auto& a : assessed) {
    const double p = a.delay.delayed ? a.delay.persistence : 0.0;
    a.prediction.delayed = a.delay.delayed;
    a.prediction.seconds = a.fastAverage * (1 - p) + a.fastAverage * a.delay.factor * p;  // eq. 3
  }
  // order: untried first (so the store fills up; those the factory benchmarks think fastest first,
  // so that a slow CPU one meets a measured reference and is estimated instead), then by predicted
  // time, failed ones last
  auto group = [](const Assessment& a) {
    if (a.prediction.recentlyFailed) return 2;
    return a.prediction.source == Prediction::Source::Untried ? 0 : 1;
  };
  std::stable_sort(assessed.begin(), assessed.end(), [&](const Assessment& x, const Assessment& y) {
    if (group(x) != group(y)) return group(x) < group(y);
    if (group(x) == 0) return x.factorySeconds < y.factorySeconds;
    return group(x) == 1 && x.prediction.seconds < y.prediction.seconds;
  });

  // eq. 4: if the fastest by its undelayed time is not the fastest after adjusting, choose at random
  // with probability proportional to 1/t^2, so a delayed device keeps being probed
  const auto known = std::find_if(assessed.begin(), assessed.end(), [&](const Assessment& a) { return group(a) == 1; });
  const auto knownEnd = std::find_if(known, assessed.end(), [&](const Assessment& a) { return group(a) != 1; });
  const bool anyDelayed = std::any_of(known, knownEnd, [](const Assessment& a) { return a.delay.delayed; });
  if (known == assessed.begin() && anyDelayed && knownEnd - known > 1) {
    const auto fastestUndelayed = std::min_element(
        known, knownEnd, [](const Assessment& x, const Assessment& y) { return x.fastAverage < y.fastAverage; });
    if (fastestUndelayed != known) {
      std::vector<double> weights;
      for (auto it = known; it != knownEnd; ++it) weights.push_back(1.0 / std::max(1e-12, it->prediction.seconds * it->prediction.seconds));
      std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
      const auto chosen = known + std::ptrdiff_t(pick(random_));
      std::rotate(known, chosen, chosen + 1);  // chosen first, the others keep their order
    }
  }
  std::vector<Prediction> ranked;
  for (const auto& a : assessed) ranked.push_back(a.prediction);
  return ranked;
}

}  // namespace lqs
