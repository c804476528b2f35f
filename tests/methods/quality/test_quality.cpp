#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

static double referenceValue(const std::string& key) {
  std::ifstream in(refPath("values.json"));
  return nlohmann::json::parse(in)["values"][key].get<double>();
}

TEST_CASE("frc resolution matches NanoPyx within 2%") {
  MethodRunner runner;
  const RunReport report = runner.report("frc", {loadRef("frc_1.tif"), loadRef("frc_2.tif")}, {{"pixel_size", "1"}});
  REQUIRE(report.result.values.count("resolution"));
  CHECK(report.result.values.at("resolution") == Approx(referenceValue("frc_resolution_px")).epsilon(0.02));
  const auto& curve = std::get<Table>(report.result.outputs.at(0).data);
  CHECK(curve.columns == std::vector<std::string>{"frequency", "frc", "threshold"});
  CHECK(curve.rows.front()[1] == Approx(1.0));
}

TEST_CASE("frc of identical images is 1 everywhere and never crosses") {
  MethodRunner runner;
  const Stack image = loadRef("frc_1.tif");
  const RunReport report = runner.report("frc", {image, image}, {});
  for (const auto& row : std::get<Table>(report.result.outputs.at(0).data).rows) CHECK(row[1] == Approx(1.0).margin(1e-5));
  CHECK(report.result.values.count("resolution") == 0);
  CHECK_FALSE(report.result.notes.empty());
}

TEST_CASE("frc of independent noise crosses the threshold at once") {
  MethodRunner runner;
  const RunReport report = runner.report("frc", {randomStack(1, 64, 64, 1), randomStack(1, 64, 64, 2)}, {});
  REQUIRE(report.result.values.count("resolution"));
  // crossing in the lowest fifth of the frequencies: far coarser than real structure's 3.3 px
  CHECK(report.result.values.at("resolution") > 8);
}

TEST_CASE("frc refuses different sizes, tiny and constant images") {
  MethodRunner runner;
  CHECK_THROWS_AS(runner.report("frc", {randomStack(1, 32, 32, 1), randomStack(1, 32, 30, 1)}, {}), InputError);
  CHECK_THROWS_AS(runner.report("frc", {randomStack(1, 4, 4, 1), randomStack(1, 4, 4, 2)}, {}), ParameterError);
  CHECK_THROWS_AS(runner.report("frc", {Stack(1, 32, 32), Stack(1, 32, 32)}, {}), InputError);
  CHECK_THROWS_AS(runner.report("frc", {randomStack(1, 32, 32, 1)}, {}), InputError);
}

TEST_CASE("squirrel matches NanoPyx: error map within 1e-3, RSE and RSP within 2%") {
  MethodRunner runner;
  const RunReport report = runner.report("squirrel", {loadRef("sq_ref.tif"), loadRef("sq_sr.tif")}, {});
  CHECK(relativeL2(std::get<Stack>(report.result.outputs.at(0).data), loadRef("sq_errormap.tif")) <= 1e-3);
  CHECK(report.result.values.at("rse") == Approx(referenceValue("squirrel_rse")).epsilon(0.02));
  CHECK(report.result.values.at("rsp") == Approx(referenceValue("squirrel_rsp")).epsilon(0.02));
}

TEST_CASE("squirrel of a super-resolved image that is the reference gives RSP 1") {
  MethodRunner runner;
  const Stack image = loadRef("img_a.tif");
  const RunReport report = runner.report("squirrel", {image, image}, {});
  CHECK(report.result.values.at("rsp") == Approx(1.0).margin(1e-6));
  CHECK(report.result.values.at("rse") == Approx(0.0).margin(1e-3));
}

TEST_CASE("squirrel refuses mismatched magnifications and NaN") {
  MethodRunner runner;
  CHECK_THROWS_AS(runner.report("squirrel", {randomStack(1, 10, 10, 1), randomStack(1, 50, 40, 1)}, {}), InputError);
  Stack bad = randomStack(1, 10, 10, 1);
  bad.at(0, 1, 1) = std::nanf("");
  CHECK_THROWS_AS(runner.report("squirrel", {bad, randomStack(1, 20, 20, 1)}, {}), InputError);
}

TEST_CASE("decorr resolution matches NanoPyx within 2%") {
  MethodRunner runner;
  const RunReport report = runner.report("decorr", {loadRef("frc_1.tif")}, {{"pixel_size", "1"}});
  REQUIRE(report.result.values.count("resolution"));
  CHECK(report.result.values.at("resolution") == Approx(referenceValue("decorr_resolution_px")).epsilon(0.02));
}

TEST_CASE("decorr scales with the pixel size and refuses tiny or NaN images") {
  MethodRunner runner;
  const RunReport report = runner.report("decorr", {loadRef("frc_1.tif")}, {{"pixel_size", "0.1"}});
  CHECK(report.result.values.at("resolution") == Approx(0.1 * referenceValue("decorr_resolution_px")).epsilon(0.02));
  CHECK_THROWS_AS(runner.report("decorr", {randomStack(1, 8, 8, 1)}, {}), InputError);
  Stack bad = loadRef("frc_1.tif");
  bad.at(0, 3, 3) = std::nanf("");
  CHECK_THROWS_AS(runner.report("decorr", {bad}, {}), InputError);
  CHECK_THROWS_AS(runner.report("decorr", {loadRef("frc_1.tif")}, {{"rmin", "0.9"}, {"rmax", "0.5"}}), ParameterError);
}
