// Stacks larger than the memory a run may use stay on disk (StackFile) and are read in blocks: every
// eSRRF and SRRF implementation must give exactly what it gives on the same stack in memory, with
// blocks that split time points and time points that split blocks.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/random_stack.hpp"
#include "core/tiff.hpp"
#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

// A 23x17 stack of 13 frames on disk, read 3 frames at a time.
struct StreamedStack {
  TempDir dir;
  Stack inMemory = randomStack(13, 23, 17, 5, 0, 100);
  StackFile onDisk;
  StreamedStack() : onDisk((writeTiff(inMemory, dir / "stack.tif"), dir / "stack.tif"), 3 * 23 * 17 * sizeof(float)) {}
};

}  // namespace

TEST_CASE("eSRRF and SRRF read a stack on disk in blocks and give the in-memory result") {
  StreamedStack input;
  MethodRunner runner;
  for (const std::string method : {"esrrf", "srrf"})
    for (const std::string perTimepoint : {"0", "5"})
      for (const auto& impl : runner.implementations(method)) {
        INFO(method << " on " << impl << ", frames_per_timepoint " << perTimepoint);
        const std::map<std::string, std::string> params{{"frames_per_timepoint", perTimepoint},
                                                        {"magnification", "2"}};
        const Stack expected = runner.stack(method, {input.inMemory}, params, impl);
        const Stack streamed = runner.stack(method, {input.onDisk}, params, impl);
        REQUIRE(streamed.frames() == expected.frames());
        CHECK(relativeL2(streamed, expected) <= 1e-6);
      }
}

TEST_CASE("a method that needs the whole stack refuses a stack on disk with a clear error") {
  StreamedStack input;
  MethodRunner runner;
  CHECK_THROWS_AS(runner.stack("magnify", {input.onDisk}, {}, "cpu:tbb"), InputError);
}
