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

TEST_CASE("frc of independent zero-mean noise crosses within the first rings") {
  MethodRunner runner;
  // no mean, so no taper leakage around the zero frequency: FRC(r >= 1) is noise of std 1/sqrt(ring
  // samples); 64 x 64 gives 31 rings 1/60 px^-1 apart, the crossing within the first three
  const RunReport report =
      runner.report("frc", {randomStack(1, 64, 64, 1, -50, 50), randomStack(1, 64, 64, 2, -50, 50)}, {});
  REQUIRE(report.result.values.count("resolution"));
  CHECK(report.result.values.at("resolution") > 60 / 3.0);
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
  CHECK(report.result.values.at("resolution_px") == Approx(referenceValue("decorr_resolution_px")).epsilon(0.02));
  CHECK_THROWS_AS(runner.report("decorr", {randomStack(1, 8, 8, 1)}, {}), InputError);
  Stack bad = loadRef("frc_1.tif");
  bad.at(0, 3, 3) = std::nanf("");
  CHECK_THROWS_AS(runner.report("decorr", {bad}, {}), InputError);
  Stack constant(1, 64, 64);
  std::fill_n(constant.data(), constant.size(), 7.0f);
  CHECK_THROWS_AS(runner.report("decorr", {constant}, {}), InputError);
  CHECK_THROWS_AS(runner.report("decorr", {loadRef("frc_1.tif")}, {{"rmin", "0.9"}, {"rmax", "0.5"}}), ParameterError);
}

TEST_CASE("frc and decorr curves come as tables for plotting, every curve over the same radii") {
  MethodRunner runner;
  const RunReport frc = runner.report("frc", {loadRef("frc_1.tif"), loadRef("frc_2.tif")}, {{"pixel_size", "2"}});
  CHECK(frc.result.values.at("resolution_px") == Approx(referenceValue("frc_resolution_px")).epsilon(0.02));
  CHECK(frc.result.values.at("resolution") == Approx(2 * frc.result.values.at("resolution_px")));
  const auto& curve = std::get<Table>(frc.result.outputs.at(0).data);
  REQUIRE(curve.rows.size() == 63);  // max_r = 128 / 2 - 1 rings
  CHECK(curve.rows.front()[0] == 0.0);
  CHECK(curve.rows.back()[0] == Approx(1 / (2 * 2.0)));
  CHECK(curve.rows.back()[2] == Approx(1 / 7.0));

  const RunReport decorr = runner.report("decorr", {loadRef("frc_1.tif")}, {{"n_r", "30"}, {"n_g", "6"}});
  const auto& curves = std::get<Table>(decorr.result.outputs.at(0).data);
  CHECK(curves.columns == std::vector<std::string>{"radius", "d0", "d_0", "d_1", "d_2", "d_3", "d_4", "d_5"});
  REQUIRE(curves.rows.size() == 30);
  CHECK(curves.rows.front()[0] == 0.0);
  CHECK(curves.rows.back()[0] == 1.0);
  // a peak was found inside the normalised frequency range
  const double cutoff = decorr.result.values.at("cutoff_frequency");
  CHECK(cutoff > 0);
  CHECK(cutoff < 1);
}

TEST_CASE("decorr and frc give the same numbers on every implementation") {
  MethodRunner runner;
  const Stack a = loadRef("frc_1.tif"), b = loadRef("frc_2.tif");
  for (const char* method : {"decorr", "frc"}) {
    const auto inputs = std::string(method) == "frc" ? std::vector<Data>{a, b} : std::vector<Data>{a};
    const double serial = runner.report(method, inputs, {}, "cpu:unthreaded").result.values.at("resolution");
    for (const auto& impl : runner.implementations(method)) {
      INFO(method << " on " << impl);
      CHECK(runner.report(method, inputs, {}, impl).result.values.at("resolution") == Approx(serial).epsilon(1e-9));
    }
  }
}
