// The Liquid Engine view's data, without widgets: runs grouped per implementation and size, and the
// agent's choice put in words.
#include <catch2/catch.hpp>

#include "app/gui/jobs/run_summary.hpp"

using namespace lqs;
using namespace lqs::gui;

namespace {

RunRecord run(const std::string& implementation, const std::string& signature, double score, double seconds, bool ok = true) {
  RunRecord record;
  record.method = "esrrf";
  record.implementation = implementation;
  record.device = "cpu|test";
  record.signature = signature;
  record.score = score;
  record.seconds = seconds;
  record.ok = ok;
  return record;
}

}  // namespace

TEST_CASE("runs are grouped per implementation and per signature, sizes ascending, medians of the successful runs") {
  const std::vector<RunRecord> runs = {
      run("cpu:tbb", "shape(10,64,64)", 40960, 0.30), run("opencl:pocl", "shape(10,64,64)", 40960, 0.9),
      run("cpu:tbb", "shape(1,8,8)", 64, 0.01),       run("cpu:tbb", "shape(10,64,64)", 40960, 0.10),
      run("cpu:tbb", "shape(10,64,64)", 40960, 0.20), run("cpu:tbb", "shape(1,8,8)", 64, 5.0, false),
      run("opencl:pocl", "shape(10,64,64)", 40960, 0.0, false)};
  const auto grouped = groupRuns(runs);
  REQUIRE(grouped.size() == 2);
  CHECK(grouped[0].implementation == "cpu:tbb");  // names sorted
  CHECK(grouped[1].implementation == "opencl:pocl");
  REQUIRE(grouped[0].points.size() == 2);
  const SizePoint& small = grouped[0].points[0];
  CHECK(small.size == 64);  // smallest first, although recorded after the larger one
  CHECK(small.runs == 1);
  CHECK(small.failures == 1);
  CHECK(small.medianSeconds == Approx(0.01));  // the failed 5 s run is not a time
  const SizePoint& large = grouped[0].points[1];
  CHECK(large.signature == "shape(10,64,64)");
  CHECK(large.runs == 3);
  CHECK(large.medianSeconds == Approx(0.20));
  CHECK(large.fastestSeconds == Approx(0.10));
  REQUIRE(grouped[1].points.size() == 1);
  CHECK(grouped[1].points[0].runs == 1);
  CHECK(grouped[1].points[0].failures == 1);
  CHECK(groupRuns({}).empty());
}

TEST_CASE("the agent's choice is explained by where its estimate comes from") {
  Prediction measured{"cpu:tbb", 0.25, Prediction::Source::History, false, false};
  Prediction slower{"opencl:pocl", 0.8, Prediction::Source::History, false, false};
  Prediction untried{"cuda:h100", 0, Prediction::Source::Untried, false, false};
  Prediction factory{"cpu:tbb", 1.5, Prediction::Source::Factory, false, false};

  const std::string fastest = explainChoice({measured, slower});
  CHECK(fastest.rfind("cpu:tbb", 0) == 0);
  CHECK(fastest.find("shortest expected time (0.25 s)") != std::string::npos);
  CHECK(explainChoice({untried, measured}).find("too few runs") != std::string::npos);
  CHECK(explainChoice({factory}).find("factory benchmarks") != std::string::npos);
  // A delayed device makes the agent pick at random among the measured ones: said so.
  slower.delayed = true;
  CHECK(explainChoice({slower, measured}).find("at random") != std::string::npos);
  CHECK(explainChoice({}).find("no implementation") != std::string::npos);

  CHECK(describePrediction(measured) == "0.25 s expected from this machine's runs");
  CHECK(describePrediction(untried).find("no estimate") == 0);
  CHECK(describePrediction(slower).find("delayed") != std::string::npos);
}
