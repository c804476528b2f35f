#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

// One volume (planes x rows x cols) per frame of `frames`, each a Gaussian blob centred on a voxel.
Stack blobVolumes(std::size_t frames, int planes, int rows, int cols, int z0, int y0, int x0) {
  Stack stack(frames * std::size_t(planes), std::size_t(rows), std::size_t(cols));
  for (std::size_t t = 0; t < frames; ++t)
    for (int z = 0; z < planes; ++z)
      for (int y = 0; y < rows; ++y)
        for (int x = 0; x < cols; ++x) {
          const double r2 = (y - y0) * (y - y0) + (x - x0) * (x - x0) + (z - z0) * (z - z0);
          stack.frame(t * planes + z)[std::size_t(y * cols + x)] = float(10 + 1000 * std::exp(-r2 / 2.0));
        }
  return stack;
}

}  // namespace

TEST_CASE("esrrf3d puts the peak of a bright point on its magnified voxel") {
  MethodRunner runner;
  const int planes = 9, rows = 15, cols = 17, z0 = 4, y0 = 7, x0 = 8;
  const Stack out = runner.stack("esrrf3d", {blobVolumes(2, planes, rows, cols, z0, y0, x0)},
                                 {{"planes", "9"}, {"macro_pixel_correction", "false"}}, "cpu:tbb");
  REQUIRE(out.frames() == 18);  // one time point of 9 planes x magnification_z 2
  REQUIRE((out.rows() == 30 && out.cols() == 34));
  const auto peak = std::max_element(out.data(), out.data() + out.size()) - out.data();
  CHECK(*std::max_element(out.data(), out.data() + out.size()) > 0);
  // Catmull-Rom magnification puts raw pixel p's centre on magnified pixel (p + 0.5) * mag in x and
  // y; along z each plane p is repeated as planes p * mag .. and the convergence centres on the first
  CHECK(std::size_t(peak) / out.frameSize() == std::size_t(2 * z0));
  CHECK((std::size_t(peak) % out.frameSize()) / out.cols() == std::size_t(2 * y0 + 1));
  CHECK(std::size_t(peak) % out.cols() == std::size_t(2 * x0 + 1));
}

TEST_CASE("esrrf3d takes the planes from a hyperstack input and gives a hyperstack of its magnified planes") {
  MethodRunner runner;
  Stack volumes = randomStack(2 * 5, 9, 8, 4, 10, 100);
  const Stack explicitPlanes = runner.stack("esrrf3d", {volumes}, {{"planes", "5"}});
  volumes.planes = 5;  // as read from an ImageJ hyperstack with slices=5
  const Stack fromInput = runner.stack("esrrf3d", {volumes}, {});
  REQUIRE(fromInput.frames() == 10);  // one time point of 5 planes x magnification_z 2
  CHECK(maxAbsDifference(fromInput, explicitPlanes) == 0);
  CHECK(fromInput.planes == 10);
  CHECK(runner.stack("esrrf3d", {volumes}, {{"planes", "2"}, {"radius_z", "1"}}).planes == 4);  // planes= wins
  volumes.pixelSize = {0.1, "um", 0.3};  // the z calibration follows the planes: 0.3 um / magnification_z
  const Stack calibrated = runner.stack("esrrf3d", {volumes}, {{"magnification_z", "3"}});
  CHECK(calibrated.pixelSize.depth == Approx(0.1));
  CHECK(calibrated.pixelSize.value == Approx(0.1 / 2));
}

TEST_CASE("esrrf3d of a constant volume is zero, and time points give planes in order") {
  MethodRunner runner;
  Stack flat(3 * 4, 8, 9);
  std::fill(flat.data(), flat.data() + flat.size(), 50.0f);
  const Stack out = runner.stack("esrrf3d", {flat}, {{"planes", "4"}, {"frames_per_timepoint", "2"}});
  CHECK(out.frames() == 2 * 4 * 2);  // volumes 2 + 1 -> 2 time points of 8 planes
  CHECK(*std::max_element(out.data(), out.data() + out.size()) == 0.0f);
  CHECK(*std::min_element(out.data(), out.data() + out.size()) == 0.0f);
}

TEST_CASE("esrrf3d implementations agree on odd sizes, one volume and several") {
  MethodRunner runner;
  for (const auto& [volumes, planes, rows, cols] : {std::tuple{1, 7, 13, 5}, {3, 3, 9, 11}, {2, 5, 6, 7}}) {
    const Stack stack =
        randomStack(std::size_t(volumes * planes), std::size_t(rows), std::size_t(cols), 5, 10, 100);
    for (const std::string mode : {"avg", "var"}) {
      const std::map<std::string, std::string> params{{"planes", std::to_string(planes)},
                                                      {"temporal_correlation", mode},
                                                      {"radius_z", "1"},
                                                      {"magnification_z", "3"}};
      const Stack expected = runner.stack("esrrf3d", {stack}, params, "cpu:unthreaded");
      INFO(volumes << "x" << planes << "x" << rows << "x" << cols << " " << mode);
      REQUIRE(expected.frames() == std::size_t(planes * 3));
      for (std::size_t i = 0; i < expected.size(); ++i) REQUIRE(std::isfinite(expected.data()[i]));
      if (volumes > 1 || mode == "avg")  // the variance of one volume is 0
        CHECK(*std::max_element(expected.data(), expected.data() + expected.size()) > 0);
      for (const auto& impl : runner.implementations("esrrf3d")) {
        INFO(volumes << "x" << planes << "x" << rows << "x" << cols << " " << mode << " " << impl);
        CHECK(relativeL2(runner.stack("esrrf3d", {stack}, params, impl), expected) <= 1e-5);
      }
    }
  }
}

TEST_CASE("esrrf3d refuses partial volumes, a missing plane count and radii larger than the volume") {
  MethodRunner runner;
  const Stack stack = randomStack(10, 12, 12, 1);
  CHECK_THROWS_AS(runner.stack("esrrf3d", {stack}, {{"planes", "3"}}), InputError);
  CHECK_THROWS_AS(runner.stack("esrrf3d", {stack}, {}), ParameterError);
  CHECK_THROWS_AS(runner.stack("esrrf3d", {stack}, {{"planes", "1"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("esrrf3d", {stack}, {{"planes", "2"}}),
                  ParameterError);  // radius_z 1.05 > 2 / 2
  CHECK_THROWS_AS(runner.stack("esrrf3d", {stack}, {{"planes", "5"}, {"radius", "7"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("esrrf3d", {stack}, {{"planes", "10"}, {"temporal_correlation", "tac2"}}),
                  ParameterError);
}

TEST_CASE("esrrf3d matches NanoPyx 2.1.5's eSRRF3D (unthreaded) on three small volumes") {
  MethodRunner runner;
  const Stack stack = loadRef("esrrf3d_stack.tif");  // 3 volumes of 6 x 12 x 14
  // one time point without macro-pixel correction; time points of 2 volumes (2 + 1) with it
  const std::vector<std::pair<std::map<std::string, std::string>, std::string>> cases{
      {{{"planes", "6"}, {"macro_pixel_correction", "false"}}, "esrrf3d_AVG_nompc.tif"},
      {{{"planes", "6"}, {"frames_per_timepoint", "2"}}, "esrrf3d_AVG_t2.tif"}};
  for (const auto& [params, reference] : cases) {
    const Stack expected = loadRef(reference);
    for (const auto& impl : runner.implementations("esrrf3d")) {
      INFO(reference << " " << impl);
      const Stack out = runner.stack("esrrf3d", {stack}, params, impl);
      REQUIRE(out.frames() == expected.frames());
      CHECK(relativeL2(out, expected) <= 1e-5);
    }
  }
}

TEST_CASE("esrrf3d reads a stack on disk in blocks that split volumes and gives the in-memory result") {
  TempDir dir;
  const Stack inMemory = randomStack(5 * 4, 11, 9, 8, 0, 100);  // 5 volumes of 4 planes
  writeTiff(inMemory, dir / "volumes.tif");
  const StackFile onDisk(dir / "volumes.tif", 7 * 11 * 9 * sizeof(float));  // 7 planes per read
  MethodRunner runner;
  for (const auto& [perTimepoint, timepoints] : {std::pair{"0", 1}, {"2", 3}})
    for (const auto& impl : runner.implementations("esrrf3d")) {
      INFO(impl << ", frames_per_timepoint " << perTimepoint);
      const std::map<std::string, std::string> params{{"planes", "4"},
                                                      {"frames_per_timepoint", perTimepoint}};
      const Stack expected = runner.stack("esrrf3d", {inMemory}, params, impl);
      const Stack streamed = runner.stack("esrrf3d", {onDisk}, params, impl);
      REQUIRE(streamed.frames() == std::size_t(timepoints * 4 * 2));
      CHECK(maxAbsDifference(streamed, expected) == 0.0);
    }
}

TEST_CASE("esrrf3d refuses NaN pixels on every implementation, naming where") {
  MethodRunner runner;
  Stack stack = blobVolumes(2, 5, 9, 11, 2, 4, 5);
  stack.at(7, 1, 2) = std::nanf("");  // time point 1, plane 2
  for (const auto& impl : runner.implementations("esrrf3d")) {
    INFO(impl);
    CHECK_THROWS_WITH(runner.stack("esrrf3d", {stack}, {{"planes", "5"}}, impl),
                      Catch::Contains("frame 7, row 1, column 2"));
  }
}
