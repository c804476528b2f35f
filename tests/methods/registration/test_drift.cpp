#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "core/sample.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

static double rmsError(const Table& table, const std::vector<std::pair<double, double>>& truth) {
  double sum = 0;
  for (std::size_t t = 0; t < truth.size(); ++t) {
    const double ex = table.rows[t][table.column("dx")] - truth[t].first;
    const double ey = table.rows[t][table.column("dy")] - truth[t].second;
    sum += ex * ex + ey * ey;
  }
  return std::sqrt(sum / double(truth.size()));
}

TEST_CASE("drift-estimate recovers the reference stack's drift within 0.05 px RMS") {
  MethodRunner runner;
  std::ifstream in(refPath("values.json"));
  const auto document = nlohmann::json::parse(in);
  std::vector<std::pair<double, double>> truth;
  for (const auto& row : document["values"]["drift_truth_dx_dy"]) truth.emplace_back(row[0], row[1]);
  for (const std::string reference : {"first", "previous"}) {
    const RunReport report = runner.report("drift-estimate", {loadRef("drift_stack.tif")}, {{"reference", reference}});
    const auto& table = std::get<Table>(report.result.outputs.at(0).data);
    REQUIRE(table.rows.size() == truth.size());
    INFO(reference);
    CHECK(rmsError(table, truth) <= 0.05);
  }
}

TEST_CASE("drift-estimate follows a simulated linear drift and drift-correct removes it") {
  MethodRunner runner;
  SampleOptions options;
  options.frames = 24, options.rows = 64, options.cols = 64, options.seed = 5;
  options.driftRowPerFrame = 0.15, options.driftColPerFrame = -0.25;
  // points, mostly on: single frames must correlate, and a filament crossing the field would hide
  // any drift along itself
  options.structure = SampleOptions::Structure::Points;
  options.pOn = 0.9, options.pOff = 0.02;
  const Stack stack = simulateBlinking(options);
  const RunReport report = runner.report("drift-correct", {stack}, {{"time_averaging", "4"}});
  const auto& table = std::get<Table>(report.result.outputs.at(1).data);
  std::vector<std::pair<double, double>> truth;
  for (std::size_t t = 0; t < options.frames; ++t) truth.emplace_back(-0.25 * double(t), 0.15 * double(t));
  CHECK(rmsError(table, truth) <= 0.1);  // noisy single frames: looser than the reference stack's 0.05
  // the corrected frames' interior (away from the zero-filled borders) no longer moves
  const Stack corrected = std::get<Stack>(report.result.outputs.at(0).data);
  Stack interior(corrected.frames(), 40, 40);
  for (std::size_t t = 0; t < corrected.frames(); ++t)
    for (std::size_t r = 0; r < 40; ++r)
      for (std::size_t c = 0; c < 40; ++c) interior.at(t, r, c) = corrected.at(t, r + 12, c + 12);
  const RunReport again = runner.report("drift-estimate", {interior}, {{"time_averaging", "4"}});
  CHECK(again.result.values.at("max_drift") < 0.3);  // against 3.6 px before; the rest is estimation noise
}

TEST_CASE("drift-estimate refuses a single frame and warns on featureless frames") {
  MethodRunner runner;
  CHECK_THROWS_AS(runner.report("drift-estimate", {randomStack(1, 16, 16, 1)}, {}), InputError);
  const RunReport noise = runner.report("drift-estimate", {randomStack(6, 32, 32, 3)}, {});
  CHECK_FALSE(noise.result.notes.empty());
}

TEST_CASE("drift-apply refuses a table of the wrong length") {
  MethodRunner runner;
  Table table{{"frame", "dx", "dy"}, {{0, 0, 0}}};
  CHECK_THROWS_AS(runner.report("drift-apply", {randomStack(3, 8, 8, 1), table}, {}), InputError);
}

// A NaN pixel used to become a 10 px "drift", and a NaN shift a frame of zeros, both exit 0.
TEST_CASE(
    "drift-estimate refuses NaN or Inf pixels on every implementation; drift-apply refuses NaN shifts") {
  MethodRunner runner;
  Stack stack = randomStack(4, 16, 16, 2);
  stack.at(3, 9, 2) = -INFINITY;
  for (const auto& impl : runner.implementations("drift-estimate")) {
    INFO(impl);
    CHECK_THROWS_WITH(
        runner.report("drift-estimate", {stack}, {}, impl),
        Catch::Contains("1 pixel is NaN or Inf") && Catch::Contains("frame 3, row 9, column 2"));
  }
  CHECK_THROWS_AS(runner.report("drift-correct", {stack}, {}), InputError);
  const Table table{{"frame", "dx", "dy"}, {{0, 0, 0}, {1, std::nan(""), 0}, {2, 0, 0}}};
  CHECK_THROWS_WITH(runner.report("drift-apply", {randomStack(3, 8, 8, 1), table}, {}),
                    Catch::Contains("finite shifts"));
}
