#pragma once
// The Liquid Engine agent: predicts each implementation's run time for this call from the recorded
// history (exact signature, else the nearest score; else factory benchmarks; else untried) and
// ranks them, steering around delayed devices (liquid-engine.md, eqs. 3-4).
#include <map>
#include <random>
#include <string>
#include <vector>

#include "engine/run_store.hpp"

namespace lqs {

struct Candidate {
  std::string implementation;
  std::string device;      // Device::identity()
  std::string deviceName;  // the hardware: OpenCL and CUDA on one GPU share it, and its delays
  std::string factoryKey;  // "cpu:tbb", "opencl", "cuda": what factory benchmarks are keyed by
};

struct FactoryBenchmark {
  std::string method, implementation;  // implementation as a factory key
  double score = 1, seconds = 0;
};

struct Prediction {
  std::string implementation;
  double seconds = 0;  // expected (adjusted for delays); 0 when untried
  enum class Source { History, Factory, Untried } source = Source::Untried;
  bool delayed = false, recentlyFailed = false;
};

// One method's recorded runs indexed by implementation, device and signature, so ranking does not
// scan the whole history on every call.
class MethodHistory {
 public:
  struct Series {
    double score = 1;
    std::vector<double> seconds;  // successful runs, oldest first
    double lastOk = -1, lastFailure = -1;
  };
  explicit MethodHistory(const std::vector<RunRecord>& runs = {});
  void add(const RunRecord& run);
  // Signature -> series for one implementation on one device.
  const std::map<std::string, Series>* find(const std::string& implementation, const std::string& device) const;

 private:
  std::map<std::pair<std::string, std::string>, std::map<std::string, Series>> series_;
};

class Agent {
 public:
  explicit Agent(std::vector<FactoryBenchmark> factory, std::uint64_t seed = std::random_device{}())
      : factory_(std::move(factory)), random_(seed) {}

  // Candidates in the order to try them (first = chosen). `now`: unix seconds, for the retry
  // delay after failures.
  std::vector<Prediction> rank(const std::string& method, const std::string& signature, double score,
                               const std::vector<Candidate>& candidates, const MethodHistory& history, double now);

  static constexpr double kRetryFailedAfter = 3600;  // seconds before a failed implementation is tried again
  // An untried CPU implementation estimated slower than this many times the fastest measured one is
  // not tried (agent.cpp: estimateSlowCpuCandidates).
  static constexpr double kExploreSlack = 2;

 private:
  std::vector<FactoryBenchmark> factory_;
  std::mt19937_64 random_;
};

}  // namespace lqs
