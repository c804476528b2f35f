#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/errors.hpp"
#include "gpu/devices.hpp"
#include "tests/support/cuda_variants.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

static double referenceValue(const std::string& key) {
  std::ifstream in(refPath("values.json"));
  return nlohmann::json::parse(in)["values"][key].get<double>();
}

// Isolated points (at least 4 sigma + 2 from the borders) and their analytic Gaussian image
// scale * sum exp(-d^2 / 2 sigma^2) / norm + offset, norm the discrete kernel's sum, as a blur of
// the points with an untruncated kernel gives.
struct BlurredPoints {
  Stack points, blurred;
};

static BlurredPoints blurredPoints(int size, double sigma, double scale, double offset) {
  BlurredPoints p{Stack(1, size, size), Stack(1, size, size)};
  const int positions[][2] = {{12, 14}, {20, 40}, {45, 22}, {50, 50}, {30, 30}, {14, 52}};
  double norm = 0;
  for (int k = -50; k <= 50; ++k) norm += std::exp(-0.5 * k * k / (sigma * sigma));
  for (const auto& [pr, pc] : positions) {
    p.points.at(0, pr, pc) += 1.0f + 0.1f * float(pr % 7);
    for (int r = 0; r < size; ++r)
      for (int c = 0; c < size; ++c) {
        const double d2 = double(r - pr) * (r - pr) + double(c - pc) * (c - pc);
        p.blurred.at(0, r, c) += float(scale * (1.0 + 0.1 * (pr % 7)) * std::exp(-0.5 * d2 / (sigma * sigma)) / (norm * norm));
      }
  }
  for (std::size_t i = 0; i < p.blurred.size(); ++i) p.blurred.data()[i] += float(offset);
  return p;
}

TEST_CASE("squirrel matches NanoPyx on every implementation: error map within 1e-3, RSE and RSP within 2%") {
  MethodRunner runner;
  for (const auto& impl : runner.implementations("squirrel")) {
    INFO(impl);
    const RunReport report = runner.report("squirrel", {loadRef("sq_ref.tif"), loadRef("sq_sr.tif")}, {}, impl);
    CHECK(relativeL2(std::get<Stack>(report.result.outputs.at(0).data), loadRef("sq_errormap.tif")) <= 1e-3);
    CHECK(report.result.values.at("rse") == Approx(referenceValue("squirrel_rse")).epsilon(0.02));
    CHECK(report.result.values.at("rsp") == Approx(referenceValue("squirrel_rsp")).epsilon(0.02));
  }
}

TEST_CASE("squirrel implementations agree with cpu:unthreaded on a two-frame stack") {
  MethodRunner runner;
  Stack sr(2, 160, 160);
  const Stack first = loadRef("sq_sr.tif");
  std::copy_n(first.data(), first.size(), sr.frame(0).data());
  for (std::size_t i = 0; i < first.size(); ++i) sr.frame(1)[i] = 2 * first.data()[i] + 1;  // same fit, scaled
  const RunReport serial = runner.report("squirrel", {loadRef("sq_ref.tif"), sr}, {}, "cpu:unthreaded");
  const Stack& maps = std::get<Stack>(serial.result.outputs.at(0).data);
  REQUIRE(maps.frames() == 2);
  CHECK(relativeL2(maps.frameRange(1, 1), maps.frameRange(0, 1)) <= 1e-6);
  const Table& frames = std::get<Table>(serial.result.outputs.at(1).data);
  REQUIRE(frames.rows.size() == 2);
  CHECK(frames.rows[1][1] == Approx(frames.rows[0][1]).epsilon(1e-6));  // same sigma
  CHECK(frames.rows[1][2] == Approx(frames.rows[0][2] / 2).epsilon(1e-6));  // alpha halves for 2 SR + 1
  CHECK(frames.rows[1][5] == Approx(frames.rows[0][5]).epsilon(1e-9));  // same rsp
  for (const auto& impl : runner.implementations("squirrel")) {
    INFO(impl);
    const RunReport report = runner.report("squirrel", {loadRef("sq_ref.tif"), sr}, {}, impl);
    CHECK(relativeL2(std::get<Stack>(report.result.outputs.at(0).data), maps) <= 1e-4);
    for (const char* key : {"sigma", "rse", "rsp", "alpha", "beta"})
      CHECK(report.result.values.at(key) == Approx(serial.result.values.at(key)).epsilon(1e-4));
  }
}

TEST_CASE("squirrel runs on every OpenCL device found") {
  MethodRunner runner;
  const auto names = runner.implementations("squirrel");
  const auto has = [&](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  for (const Device& device : gpu::openclDevices()) CHECK(has("opencl:" + device.name));
}

TEST_CASE("squirrel runs on every CUDA device found") {
  checkCudaVariants("squirrel");
}

TEST_CASE("squirrel of a Gaussian-blurred copy finds the RSF sigma, alpha and beta, RSP near 1") {
  MethodRunner runner;
  const double sigma = 1.8;
  const BlurredPoints p = blurredPoints(64, sigma, 3.0, 10.0);
  for (const auto& impl : runner.implementations("squirrel")) {
    INFO(impl);
    const RunReport report = runner.report("squirrel", {p.blurred, p.points}, {}, impl);
    CHECK(report.result.values.at("sigma") == Approx(sigma).epsilon(0.01));
    CHECK(report.result.values.at("alpha") == Approx(3.0).epsilon(0.01));
    CHECK(report.result.values.at("beta") == Approx(10.0).margin(1e-3));
    CHECK(report.result.values.at("rsp") > 0.9999);
    CHECK(report.result.notes.empty());
  }
}

TEST_CASE("squirrel of a super-resolved image that is the reference gives RSP 1") {
  MethodRunner runner;
  const Stack image = loadRef("img_a.tif");
  const RunReport report = runner.report("squirrel", {image, image}, {});
  CHECK(report.result.values.at("rsp") == Approx(1.0).margin(1e-6));
  CHECK(report.result.values.at("rse") == Approx(0.0).margin(1e-3));
  CHECK(report.result.values.at("sigma") >= 0);  // Brent may search below 0; |sigma| is the RSF width
  CHECK(report.result.values.at("sigma") < 0.1);
}

TEST_CASE("squirrel refuses mismatched magnifications, NaN and constant images on every implementation") {
  MethodRunner runner;
  Stack bad = randomStack(1, 10, 10, 1);
  bad.at(0, 1, 1) = std::nanf("");
  Stack constant(1, 20, 20);
  std::fill_n(constant.data(), constant.size(), 4.0f);
  for (const auto& impl : runner.implementations("squirrel")) {
    INFO(impl);
    CHECK_THROWS_AS(runner.report("squirrel", {randomStack(1, 10, 10, 1), randomStack(1, 50, 40, 1)}, {}, impl), InputError);
    CHECK_THROWS_AS(runner.report("squirrel", {randomStack(1, 10, 10, 1), randomStack(1, 25, 25, 1)}, {}, impl), InputError);
    CHECK_THROWS_AS(runner.report("squirrel", {bad, randomStack(1, 20, 20, 1)}, {}, impl), InputError);
    CHECK_THROWS_AS(runner.report("squirrel", {randomStack(1, 10, 10, 1), constant}, {}, impl), InputError);
    CHECK_THROWS_AS(runner.report("squirrel", {constant, randomStack(1, 40, 40, 1)}, {}, impl), InputError);
    CHECK_THROWS_AS(runner.report("squirrel", {Stack(1, 10, 10), randomStack(1, 20, 20, 1)}, {}, impl), InputError);
  }
}
