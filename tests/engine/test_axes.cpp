// Channels are an axis: methods over time series refuse interleaved channels and say how to pick
// one; per-frame methods keep channels and planes; oneChannel takes one from memory or from disk.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/random_stack.hpp"
#include "core/stack_file.hpp"
#include "core/tiff.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

// 2 channels x 3 time points, channel c of time t filled around 10 t + c (ImageJ's order).
Stack twoChannels() {
  Stack stack = randomStack(6, 12, 10, 5, 0, 1);
  for (std::size_t f = 0; f < 6; ++f)
    for (float& v : stack.frame(f)) v += float(10 * (f / 2) + f % 2);
  stack.channels = 2;
  return stack;
}

}  // namespace

TEST_CASE("a method over time series refuses interleaved channels, naming --channel") {
  MethodRunner runner;
  const Stack stack = twoChannels();
  for (const std::string method : {"esrrf", "srrf", "drift-estimate"}) {
    CAPTURE(method);
    CHECK_THROWS_AS(runner.report(method, {stack}, {}), InputError);
    CHECK_THROWS_WITH(runner.report(method, {stack}, {}), Catch::Contains("--channel"));
  }
}

TEST_CASE("a per-frame method keeps the channels and planes of its input") {
  MethodRunner runner;
  Stack stack = twoChannels();
  stack.planes = 3;
  const Stack out = runner.stack("magnify", {stack}, {{"magnification", "2"}}, "cpu:tbb");
  CHECK(out.channels == 2);
  CHECK(out.planes == 3);
  CHECK(runner.stack("conv2d", {stack, Stack(1, 3, 3)}, {}, "cpu:tbb").channels == 2);
}

TEST_CASE("oneChannel takes one channel of a stack in memory or on disk; the engine then runs") {
  TempDir dir;
  const Stack stack = twoChannels();
  const Stack second = std::get<Stack>(oneChannel(stack, 2));
  REQUIRE(second.frames() == 3);
  CHECK(second.channels == 1);
  for (std::size_t t = 0; t < 3; ++t) CHECK(second.at(t, 4, 4) == stack.at(2 * t + 1, 4, 4));
  writeTiff(stack, dir / "two.tif");
  const Stack fromDisk = std::get<Stack>(oneChannel(StackFile(dir / "two.tif"), 2));
  CHECK(maxAbsDifference(fromDisk, second) == 0);
  CHECK(std::get<Stack>(oneChannel(stack, std::nullopt)).channels == 2);  // not asked: as it is
  CHECK_THROWS_AS(oneChannel(stack, 3), ParameterError);
  CHECK_THROWS_AS(oneChannel(stack, 0), ParameterError);
  const Stack plain = std::get<Stack>(oneChannel(second, 1));  // one channel: channel 1 is all of it
  CHECK(plain.frames() == 3);
  CHECK_THROWS_AS(oneChannel(second, 2), ParameterError);
  MethodRunner runner;
  CHECK(runner.stack("esrrf", {second}, {{"magnification", "2"}}).frames() == 1);
}
