// --max-memory: an input larger than the limit stays on disk; eSRRF reads it in blocks and writes
// the same reconstruction, a method that needs the whole stack says so (exit 3).
#include <catch2/catch.hpp>

#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("lqs run esrrf --max-memory below the input's size streams it and gives the same image") {
  TempDir dir;
  const std::string stack = (dir / "s.tif").string();  // 120 x 32 x 32 floats: 480 KiB
  REQUIRE(runLqs("sample " + stack + " --frames 120 --size 32,32").code == 0);
  const std::string common = "run esrrf " + stack + " --impl cpu:tbb --set magnification=2 --set frames_per_timepoint=50";
  REQUIRE(runLqs(common + " -o " + (dir / "memory.tif").string()).code == 0);
  REQUIRE(runLqs(common + " --max-memory 100K -o " + (dir / "disk.tif").string()).code == 0);
  const Stack inMemory = readTiff(dir / "memory.tif"), streamed = readTiff(dir / "disk.tif");
  REQUIRE(streamed.frames() == 3);
  CHECK(relativeL2(streamed, inMemory) == 0.0);

  const Outcome refused = runLqs("run magnify " + stack + " --max-memory 100K -o " + (dir / "m.tif").string(), true);
  CHECK(refused.code == 3);
  CHECK(refused.out.find("--max-memory") != std::string::npos);
  CHECK(!std::filesystem::exists(dir / "m.tif"));
}
