#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("conv2d matches NanoPyx within 1e-5 on every implementation") {
  MethodRunner runner;
  for (const auto& impl : runner.implementations("conv2d")) {
    INFO(impl);
    CHECK(relativeL2(runner.stack("conv2d", {loadRef("img_a.tif"), loadRef("kernel5.tif")}, {}, impl),
                     loadRef("conv_k5.tif")) <= 1e-5);
    CHECK(relativeL2(runner.stack("conv2d", {loadRef("img_a.tif"), loadRef("kernel_g.tif")}, {}, impl),
                     loadRef("conv_kg.tif")) <= 1e-5);
  }
}

TEST_CASE("conv2d is a correlation with replicated borders") {
  MethodRunner runner;
  Stack image(1, 1, 3), kernel(1, 1, 3);
  image.at(0, 0, 0) = 1, image.at(0, 0, 1) = 2, image.at(0, 0, 2) = 4;
  kernel.at(0, 0, 0) = 0, kernel.at(0, 0, 1) = 0, kernel.at(0, 0, 2) = 1;  // picks the right neighbour
  const Stack out = runner.stack("conv2d", {image, kernel}, {});
  CHECK(out.at(0, 0, 0) == 2);
  CHECK(out.at(0, 0, 1) == 4);
  CHECK(out.at(0, 0, 2) == 4);  // clamped
}

TEST_CASE("conv2d implementations agree on odd sizes and kernels larger than the image") {
  MethodRunner runner;
  for (const auto& [rows, cols, k] : {std::tuple{1, 1, 3}, {1, 17, 5}, {7, 13, 9}, {40, 31, 4}}) {
    const Stack image = randomStack(2, rows, cols, 5), kernel = randomStack(1, k, k, 6);
    const Stack expected = runner.stack("conv2d", {image, kernel}, {}, "cpu:unthreaded");
    for (const auto& impl : runner.implementations("conv2d"))
      CHECK(maxAbsDifference(runner.stack("conv2d", {image, kernel}, {}, impl), expected) <= 1e-4);
  }
}

TEST_CASE("conv2d refuses a stack as kernel") {
  MethodRunner runner;
  CHECK_THROWS_AS(runner.stack("conv2d", {randomStack(1, 8, 8, 1), randomStack(2, 3, 3, 1)}, {}), InputError);
}
