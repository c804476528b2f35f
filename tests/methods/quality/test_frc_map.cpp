#include <catch2/catch.hpp>
#include <algorithm>
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

static const Stack& mapOf(const RunReport& report) { return std::get<Stack>(report.result.outputs.at(0).data); }
static const Table& tilesOf(const RunReport& report) { return std::get<Table>(report.result.outputs.at(1).data); }

// Independent zero-mean noise: with no mean there is no taper leakage around the zero frequency, so
// the FRC drops to noise level (std 1/sqrt(ring samples)) from the first ring on.
static Stack zeroMeanNoise(std::size_t rows, std::size_t cols, std::uint64_t seed) {
  return randomStack(1, rows, cols, seed, -50, 50);
}

// frc_1 and frc_2 with their right half replaced by independent zero-mean noise.
static std::pair<Stack, Stack> structureLeftNoiseRight() {
  Stack a = loadRef("frc_1.tif"), b = loadRef("frc_2.tif");
  const Stack noiseA = zeroMeanNoise(128, 128, 11), noiseB = zeroMeanNoise(128, 128, 12);
  for (std::size_t r = 0; r < 128; ++r)
    for (std::size_t c = 64; c < 128; ++c) a.at(0, r, c) = noiseA.at(0, r, c), b.at(0, r, c) = noiseB.at(0, r, c);
  return {a, b};
}

TEST_CASE("frc-map with one tile over the whole image gives the NanoPyx FRC resolution everywhere") {
  MethodRunner runner;
  for (const auto& impl : runner.implementations("frc-map")) {
    INFO(impl);
    const RunReport report =
        runner.report("frc-map", {loadRef("frc_1.tif"), loadRef("frc_2.tif")}, {{"tile_size", "128"}}, impl);
    const double expected = referenceValue("frc_resolution_px");
    REQUIRE(tilesOf(report).rows.size() == 1);
    CHECK(report.result.values.at("median_resolution") == Approx(expected).epsilon(0.02));
    const Stack& map = mapOf(report);
    CHECK(*std::min_element(map.data(), map.data() + map.size()) == Approx(expected).epsilon(0.02));
    CHECK(*std::max_element(map.data(), map.data() + map.size()) == Approx(expected).epsilon(0.02));
  }
}

TEST_CASE("frc-map tiles, overlap and painting: each pixel shows its nearest tile, tbb equals unthreaded") {
  MethodRunner runner;
  const auto [a, b] = structureLeftNoiseRight();
  const std::map<std::string, std::string> params{{"tile_size", "32"}, {"overlap", "8"}, {"pixel_size", "20"}};
  const RunReport serial = runner.report("frc-map", {a, b}, params, "cpu:unthreaded");
  const RunReport threaded = runner.report("frc-map", {a, b}, params, "cpu:tbb");
  const Stack &a0 = mapOf(serial), &a1 = mapOf(threaded);
  REQUIRE(a0.size() == a1.size());
  for (std::size_t i = 0; i < a0.size(); ++i)
    if (!(std::isnan(a0.data()[i]) && std::isnan(a1.data()[i]))) REQUIRE(a0.data()[i] == a1.data()[i]);

  const Table& tiles = tilesOf(serial);
  REQUIRE(tiles.rows.size() == 25);  // (128 - 32) / 24 + 1 = 5 per axis
  CHECK(tiles.rows[6] == std::vector<double>{24, 24, 32, tiles.rows[6][3]});
  const Stack& map = mapOf(serial);
  CHECK(map.rows() == 128);
  CHECK(map.cols() == 128);
  for (const auto& row : tiles.rows) {  // the centre pixel of every tile shows that tile
    const float painted = map.at(0, std::size_t(row[0] + 16), std::size_t(row[1] + 16));
    if (std::isnan(row[3])) CHECK(std::isnan(painted));
    else CHECK(painted == Approx(row[3]));
  }
  // the shared structure on the left resolves near the whole image's 3.3 px; the noise on the right
  // crosses within the first 4 of its 15 rings: above 2 * 14 / 4 px (pixel size 20)
  for (std::size_t r = 8; r < 128; r += 30) {
    INFO("row " << r);
    CHECK(map.at(0, r, 10) < 20 * 4.0);
    CHECK(map.at(0, r, 118) > 20 * 28 / 4.0);
  }
}

TEST_CASE("frc-map of identical images has no crossing anywhere: NaN and a note, no made-up resolution") {
  MethodRunner runner;
  const Stack image = loadRef("frc_1.tif");
  const RunReport report = runner.report("frc-map", {image, image}, {{"tile_size", "64"}});
  const Stack& map = mapOf(report);
  CHECK(std::all_of(map.data(), map.data() + map.size(), [](float v) { return std::isnan(v); }));
  CHECK(report.result.values.at("tiles") == 4);
  CHECK(report.result.values.at("tiles_without_crossing") == 4);
  CHECK(report.result.values.count("mean_resolution") == 0);
  CHECK_FALSE(report.result.notes.empty());
}

TEST_CASE("frc-map of independent zero-mean noise crosses within the first rings in every tile") {
  MethodRunner runner;
  const RunReport report = runner.report("frc-map", {zeroMeanNoise(96, 96, 1), zeroMeanNoise(96, 96, 2)}, {{"tile_size", "48"}});
  CHECK(report.result.values.at("tiles") == 4);
  CHECK(report.result.values.at("tiles_without_crossing") == 0);
  // 48-pixel tiles: 23 rings, 1 / 44 px apart; crossing within the first three
  CHECK(report.result.values.at("min_resolution") > 44 / 3.0);
}

TEST_CASE("frc-map splits a stack into even and odd frames and keeps the pixel size for the overlay") {
  MethodRunner runner;
  const Stack a = loadRef("frc_1.tif"), b = loadRef("frc_2.tif");
  Stack stack(4, 128, 128);
  for (std::size_t t = 0; t < 4; ++t) std::copy_n((t % 2 ? b : a).data(), a.size(), stack.frame(t).data());
  stack.pixelSize = {25.0, "nm"};
  const RunReport fromStack = runner.report("frc-map", {stack}, {{"tile_size", "64"}, {"overlap", "32"}});
  const RunReport fromPair = runner.report("frc-map", {a, b}, {{"tile_size", "64"}, {"overlap", "32"}});
  CHECK(relativeL2(mapOf(fromStack), mapOf(fromPair)) <= 1e-6);
  CHECK(mapOf(fromStack).pixelSize.value == 25.0);
  CHECK(mapOf(fromStack).pixelSize.unit == "nm");
  CHECK(tilesOf(fromStack).rows.size() == 9);
}

TEST_CASE("frc-map's default tile is a tenth of the width, at least 16 pixels, at most the height") {
  MethodRunner runner;
  const RunReport report = runner.report("frc-map", {loadRef("frc_1.tif"), loadRef("frc_2.tif")}, {});
  CHECK(tilesOf(report).rows.front()[2] == 16);
  CHECK(report.result.values.at("tiles") == 64);
  // a wide strip: a tenth of 300 is 30, more than its 20 rows, so tiles of 20
  const RunReport strip = runner.report("frc-map", {zeroMeanNoise(20, 300, 1), zeroMeanNoise(20, 300, 2)}, {});
  CHECK(tilesOf(strip).rows.front()[2] == 20);
  CHECK(strip.result.values.at("tiles") == 15);
}

TEST_CASE("frc-map refuses small tiles, bad overlaps, images smaller than a tile, different sizes, NaN and constants") {
  MethodRunner runner;
  const Stack a = randomStack(1, 64, 64, 1), b = randomStack(1, 64, 64, 2);
  CHECK_THROWS_AS(runner.report("frc-map", {a, b}, {{"tile_size", "8"}}), ParameterError);
  CHECK_THROWS_AS(runner.report("frc-map", {a, b}, {{"tile_size", "32"}, {"overlap", "32"}}), ParameterError);
  CHECK_THROWS_AS(runner.report("frc-map", {a, b}, {{"tile_size", "80"}}), ParameterError);
  CHECK_THROWS_AS(runner.report("frc-map", {a, randomStack(1, 64, 60, 2)}, {}), InputError);
  CHECK_THROWS_AS(runner.report("frc-map", {a}, {}), InputError);
  Stack bad = b;
  bad.at(0, 5, 5) = std::nanf("");
  CHECK_THROWS_AS(runner.report("frc-map", {a, bad}, {}), InputError);
  Stack constant(1, 64, 64);
  std::fill_n(constant.data(), constant.size(), 3.0f);
  CHECK_THROWS_AS(runner.report("frc-map", {a, constant}, {}), InputError);
}
