#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "core/sample.hpp"
#include "core/tiff.hpp"
#include "methods/srrf/sweep_score.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

Stack sampleStack() {
  SampleOptions options;
  options.frames = 20;
  options.rows = options.cols = 32;
  options.pOn = 0.2;  // enough emitters on that every reconstruction resembles the mean frame
  return simulateBlinking(options);
}

// The frames of `stack` with index parity `parity`, as NanoPyx splits a stack for its FRC.
Stack framesOfParity(const Stack& stack, std::size_t parity) {
  Stack half((stack.frames() + 1 - parity) / 2, stack.rows(), stack.cols());
  for (std::size_t t = parity, k = 0; t < stack.frames(); t += 2, ++k)
    std::copy(stack.frame(t).begin(), stack.frame(t).end(), half.frame(k).begin());
  return half;
}

}  // namespace

TEST_CASE("sweep scores: logistic of the resolutions, harmonic mean, first argmax") {
  const auto n = normalisedResolutions({2.0, 4.0, 3.0, NAN});
  CHECK(n[0] == Approx(0.925).epsilon(1e-12));
  CHECK(n[1] == Approx(0.075).epsilon(1e-12));
  CHECK(n[2] == Approx(0.5).epsilon(1e-12));
  CHECK(n[3] == 0.0);
  CHECK(normalisedResolutions({3.0, 3.0})[1] == 0.5);
  CHECK(normalisedResolutions({NAN, NAN}) == std::vector<double>{0.5, 0.5});  // rank by RSP alone
  CHECK(qualityAndResolution(0.9, 0.5) == Approx(2 * 0.9 * 0.5 / 1.4).epsilon(1e-12));
  CHECK(qualityAndResolution(0.0, 0.0) == 0.0);
  CHECK(qualityAndResolution(NAN, 0.5) == 0.0);
  CHECK(firstArgmax({0.1, 0.7, 0.7, 0.2}) == 1);
  CHECK(sweepValues(1, 2, 3, "radius") == std::vector<double>{1, 1.5, 2});
  CHECK(sweepValues(1, 2, 1, "radius") == std::vector<double>{1});
}

TEST_CASE("esrrf-sweep on a sample stack: a 2x2 table and the best pair at the largest QnR") {
  MethodRunner runner;
  for (const std::string impl : {"cpu:unthreaded", "cpu:tbb"}) {
    const auto report = runner.report("esrrf-sweep", {sampleStack()}, {}, impl);
    const Table& table = std::get<Table>(report.result.outputs.at(0).data);
    REQUIRE(table.columns == std::vector<std::string>{"radius", "sensitivity", "resolution", "rsp", "qnr"});
    REQUIRE(table.rows.size() == 4);
    std::size_t best = 0, resolved = 0;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
      INFO(i << ": " << table.rows[i][2] << " " << table.rows[i][3] << " " << table.rows[i][4]);
      CHECK(table.rows[i][0] == (i % 2 == 0 ? 1.0 : 1.5));  // NanoPyx's default radii [1, 1.5]
      CHECK(table.rows[i][1] == (i < 2 ? 1.0 : 2.0));       // and sensitivities [1, 2]
      // a reconstruction whose FRC never crosses 1/7 has no resolution and scores 0
      if (std::isfinite(table.rows[i][2]))
        ++resolved;
      else
        CHECK(table.rows[i][4] == 0.0);
      CHECK(table.rows[i][3] > 0.5);
      if (table.rows[i][4] > table.rows[best][4]) best = i;
    }
    CHECK(resolved > 0);
    const auto& values = report.result.values;
    CHECK(values.at("best_radius") == table.rows[best][0]);
    CHECK(values.at("best_sensitivity") == table.rows[best][1]);
    CHECK(values.at("best_qnr") == table.rows[best][4]);
    const Stack& map = std::get<Stack>(report.result.outputs.at(1).data);
    CHECK((map.rows() == 2 && map.cols() == 2));
    CHECK(map.data()[3] == Approx(table.rows[3][4]).epsilon(1e-6));
  }
}

TEST_CASE("esrrf-sweep scores one grid point as esrrf, frc and squirrel run separately") {
  MethodRunner runner;
  const Stack stack = sampleStack();
  const std::map<std::string, std::string> esrrf{{"magnification", "2"},
                                                 {"radius", "1.25"},
                                                 {"sensitivity", "1.5"},
                                                 {"macro_pixel_correction", "false"}};
  const auto sweep = runner.report("esrrf-sweep", {stack},
                                   {{"radius_min", "1.25"},
                                    {"radius_max", "1.25"},
                                    {"radius_steps", "1"},
                                    {"sensitivity_min", "1.5"},
                                    {"sensitivity_max", "1.5"},
                                    {"sensitivity_steps", "1"}});
  const auto& row = std::get<Table>(sweep.result.outputs.at(0).data).rows.at(0);

  const Stack even = runner.stack("esrrf", {framesOfParity(stack, 0)}, esrrf);
  const Stack odd = runner.stack("esrrf", {framesOfParity(stack, 1)}, esrrf);
  const auto frc = runner.report("frc", {odd, even}, {});
  CHECK(row[2] == Approx(frc.result.values.at("resolution_px")).epsilon(1e-6));

  const Stack all = runner.stack("esrrf", {stack}, esrrf);
  const auto squirrel = runner.report("squirrel", {stack, all}, {});
  CHECK(row[3] == Approx(squirrel.result.values.at("rsp")).epsilon(1e-6));
  // one grid point: its resolution is both the best and the worst, scored 0.5
  CHECK(row[4] == Approx(2 * row[3] * 0.5 / (row[3] + 0.5)).epsilon(1e-12));
}

TEST_CASE("esrrf-sweep refuses an empty grid, an inverted range and a single frame") {
  MethodRunner runner;
  const Stack stack = sampleStack();
  CHECK_THROWS_AS(runner.report("esrrf-sweep", {stack}, {{"radius_steps", "0"}}), ParameterError);
  CHECK_THROWS_AS(runner.report("esrrf-sweep", {stack}, {{"sensitivity_min", "3"}}), ParameterError);
  CHECK_THROWS_AS(runner.report("esrrf-sweep", {stack.frameRange(0, 1)}, {}), InputError);
  CHECK_THROWS_AS(runner.report("esrrf-sweep", {stack.frameRange(0, 3)}, {{"temporal_correlation", "tac2"}}),
                  ParameterError);
}

TEST_CASE("esrrf-sweep reads a stack on disk in blocks and scores it as in memory") {
  TempDir dir;
  const Stack inMemory = sampleStack();
  writeTiff(inMemory, dir / "sample.tif");
  const StackFile onDisk(dir / "sample.tif", 3 * inMemory.frameSize() * sizeof(float));
  MethodRunner runner;
  const std::map<std::string, std::string> params{{"radius_steps", "1"}, {"sensitivity_steps", "1"}};
  const auto expected = runner.report("esrrf-sweep", {inMemory}, params, "cpu:tbb");
  const auto streamed = runner.report("esrrf-sweep", {onDisk}, params, "cpu:tbb");
  const auto& a = std::get<Table>(expected.result.outputs.at(0).data).rows.at(0);
  const auto& b = std::get<Table>(streamed.result.outputs.at(0).data).rows.at(0);
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(b[i] == Approx(a[i]).epsilon(1e-12));
}
