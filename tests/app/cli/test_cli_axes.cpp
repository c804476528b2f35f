// A multi-channel hyperstack through `lqs run` and a workflow: refused for eSRRF until a channel is
// named, then run on that channel; a per-frame method writes the channels back.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/random_stack.hpp"
#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("lqs run: interleaved channels need --channel for eSRRF, and stay channels through magnify") {
  TempDir dir;
  Stack stack = randomStack(8, 16, 16, 3, 0, 100);  // 2 channels x 4 time points
  stack.channels = 2;
  const std::string in = (dir / "two.tif").string(), out = (dir / "sr.tif").string();
  writeTiff(stack, in);
  const Outcome refused = runLqs("run esrrf " + in + " -o " + out + " --set magnification=2", true);
  CHECK(refused.code == 3);
  CHECK(refused.out.find("--channel") != std::string::npos);
  REQUIRE(runLqs("run esrrf " + in + " -o " + out + " --set magnification=2 --channel 2").code == 0);
  const Stack channel = readTiff(in).channel(1);  // the reference: channel 2 written alone
  writeTiff(channel, dir / "c2.tif");
  REQUIRE(runLqs("run esrrf " + (dir / "c2.tif").string() + " -o " + (dir / "ref.tif").string() +
                 " --set magnification=2 --impl cpu:tbb")
              .code == 0);
  REQUIRE(
      runLqs("run esrrf " + in + " -o " + out + " --set magnification=2 --channel 2 --impl cpu:tbb").code ==
      0);
  CHECK(maxAbsDifference(readTiff(out), readTiff(dir / "ref.tif")) == 0);
  // the record names the channel, so the re-run takes the same one
  REQUIRE(runLqs("rerun " + out + " -o " + (dir / "again.tif").string()).code == 0);
  CHECK(maxAbsDifference(readTiff(dir / "again.tif"), readTiff(out)) == 0);
  CHECK(runLqs("run esrrf " + in + " -o " + out + " --channel 3").code == 2);

  REQUIRE(runLqs("run magnify " + in + " -o " + (dir / "m.tif").string()).code == 0);
  CHECK(readTiffInfo(dir / "m.tif").channels == 2);

  std::ofstream(dir / "w.json")
      << R"({"steps":[{"method":"esrrf","inputs":["two.tif"],"output":"w.tif","channel":2,)"
      << R"("impl":"cpu:tbb","params":{"magnification":2}}]})";
  REQUIRE(runLqs("workflow " + (dir / "w.json").string()).code == 0);
  CHECK(maxAbsDifference(readTiff(dir / "w.tif"), readTiff(dir / "ref.tif")) == 0);
}
