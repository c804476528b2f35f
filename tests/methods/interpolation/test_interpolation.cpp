#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("magnify matches NanoPyx for every interpolator and implementation within 1e-5") {
  MethodRunner runner;
  const Stack image = loadRef("img_a.tif");
  for (const std::string kind : {"catmull-rom", "lanczos", "bicubic", "nearest"})
    for (const auto& impl : runner.implementations("magnify")) {
      INFO(kind << " on " << impl);
      const Stack out = runner.stack("magnify", {image}, {{"magnification", "5"}, {"interpolation", kind}}, impl);
      CHECK(relativeL2(out, loadRef("magnify5_" + kind + ".tif")) <= 1e-5);
    }
}

TEST_CASE("shift-magnify and shift-scale-rotate match NanoPyx within 1e-5") {
  MethodRunner runner;
  const Stack image = loadRef("img_a.tif");
  for (const auto& impl : runner.implementations("shift-magnify")) {
    const Stack out = runner.stack("shift-magnify", {image},
                                   {{"shift_row", "-0.7"}, {"shift_col", "1.3"}, {"magnification_row", "2"},
                                    {"magnification_col", "2"}},
                                   impl);
    CHECK(relativeL2(out, loadRef("shiftmagnify_catmull-rom.tif")) <= 1e-5);
  }
  for (const auto& impl : runner.implementations("shift-scale-rotate")) {
    const Stack out = runner.stack("shift-scale-rotate", {image},
                                   {{"shift_row", "-0.7"}, {"shift_col", "1.3"}, {"angle", "0.3"}}, impl);
    CHECK(relativeL2(out, loadRef("ssr_catmull-rom.tif")) <= 1e-5);
  }
}

TEST_CASE("every interpolation implementation agrees on odd sizes, edges included") {
  MethodRunner runner;
  for (const auto& [rows, cols] : {std::pair{1, 1}, {1, 9}, {9, 1}, {7, 13}, {61, 37}}) {
    const Stack image = randomStack(2, rows, cols, 42);
    for (const std::string kind : {"nearest", "bilinear", "bicubic", "catmull-rom", "lanczos"}) {
      const std::map<std::string, std::string> params{{"magnification", "3"}, {"interpolation", kind}};
      const Stack expected = runner.stack("magnify", {image}, params, "cpu:unthreaded");
      REQUIRE(expected.rows() == std::size_t(rows * 3));
      for (const auto& impl : runner.implementations("magnify")) {
        INFO(rows << "x" << cols << " " << kind << " " << impl);
        CHECK(maxAbsDifference(runner.stack("magnify", {image}, params, impl), expected) <= 1e-5);
      }
    }
  }
}

TEST_CASE("every interpolation implementation agrees over several tiles, when shrinking and where shifted outside") {
  // Output widths that are no multiple of a GPU tile (CUDA: 32 x 128), shrinking (0.3 takes CUDA's
  // per-pixel path), rows and columns past the input's far edges, several frames.
  MethodRunner runner;
  const Stack image = randomStack(2, 37, 601, 11);
  const std::vector<std::pair<std::string, std::map<std::string, std::string>>> cases{
      {"magnify", {{"magnification", "3.7"}}},
      {"magnify", {{"magnification", "0.5"}}},
      {"magnify", {{"magnification", "0.3"}}},
      {"shift-magnify",
       {{"shift_row", "-5.3"}, {"shift_col", "-7.9"}, {"magnification_row", "2.5"}, {"magnification_col", "1.7"}}},
      // the first rows and columns sample in (-1, 0): nearest truncates that to pixel 0, as the original
      {"shift-magnify",
       {{"shift_row", "0.3"}, {"shift_col", "0.6"}, {"magnification_row", "2"}, {"magnification_col", "3"}}}};
  for (const std::string kind : {"nearest", "bilinear", "bicubic", "catmull-rom", "lanczos"})
    for (auto [method, params] : cases) {
      params["interpolation"] = kind;
      std::string label = method;
      for (const auto& [name, value] : params) label += " " + name + "=" + value;
      const Stack expected = runner.stack(method, {image}, params, "cpu:unthreaded");
      for (const auto& impl : runner.implementations(method)) {
        INFO(label << " on " << impl);
        CHECK(maxAbsDifference(runner.stack(method, {image}, params, impl), expected) <= 1e-5);
      }
    }
}

TEST_CASE("magnify scales the pixel size and refuses a magnification that leaves no pixels") {
  MethodRunner runner;
  Stack image = randomStack(1, 10, 10, 1);
  image.pixelSize = {0.1, "um"};
  const Stack out = runner.stack("magnify", {image}, {{"magnification", "4"}});
  CHECK(out.pixelSize.value == Approx(0.025));
  CHECK_THROWS_AS(runner.stack("magnify", {randomStack(1, 3, 3, 1)}, {{"magnification", "0.1"}}), ParameterError);
  CHECK_THROWS_AS(runner.stack("magnify", {image}, {{"magnification", "-4"}}), ParameterError);
}

TEST_CASE("NaN input does not crash interpolation") {
  MethodRunner runner;
  Stack image = randomStack(1, 8, 8, 3);
  image.at(0, 4, 4) = std::nanf("");
  const Stack out = runner.stack("magnify", {image}, {{"magnification", "2"}});
  CHECK(std::isfinite(out.at(0, 0, 0)));
}

TEST_CASE(
    "pixel_centers=aligned: magnification 1 is the identity on every implementation, and x2 keeps the "
    "centre") {
  MethodRunner runner;
  const Stack image = randomStack(2, 9, 12, 7);
  for (const std::string interpolation : {"nearest", "bilinear", "bicubic", "catmull-rom", "lanczos"}) {
    const std::map<std::string, std::map<std::string, std::string>> identity{
        {"magnify", {{"magnification", "1"}}},
        {"shift-magnify", {{"magnification_row", "1"}, {"magnification_col", "1"}}},
        {"shift-scale-rotate", {}}};
    for (const auto& [method, params] : identity)
      for (const auto& impl : runner.implementations(method)) {
        CAPTURE(method, interpolation, impl);
        auto aligned = params;
        aligned["interpolation"] = interpolation;
        aligned["pixel_centers"] = "aligned";
        CHECK(maxAbsDifference(runner.stack(method, {image}, aligned, impl), image) < 1e-6);
        aligned.erase("pixel_centers");  // NanoPyx's: the image moves by half a pixel
        if (interpolation != "nearest")
          CHECK(maxAbsDifference(runner.stack(method, {image}, aligned, impl), image) > 0.01);
      }
  }
  // a symmetric image magnified x2 with centres aligned stays symmetric about the same centre
  Stack bump(1, 5, 5);
  bump.at(0, 2, 2) = 1;
  const Stack twice =
      runner.stack("magnify", {bump}, {{"magnification", "2"}, {"pixel_centers", "aligned"}}, "cpu:tbb");
  for (std::size_t r = 0; r < 10; ++r)
    for (std::size_t c = 0; c < 10; ++c)
      CHECK(twice.at(0, r, c) == Approx(twice.at(0, 9 - r, 9 - c)).margin(1e-6));
}
