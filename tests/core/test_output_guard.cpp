// Outputs never replace inputs: by path, through links, or inside an input folder.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/errors.hpp"
#include "core/output_guard.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

TEST_CASE("an output that is an input, by path, link or folder, is refused; others pass") {
  TempDir dir;
  const fs::path raw = dir / "raw.tif";
  std::ofstream(raw) << "raw data";
  fs::create_symlink(raw, dir / "link.tif");
  fs::create_hard_link(raw, dir / "hard.tif");
  fs::create_directories(dir / "live");
  for (const fs::path& output : {raw, dir / "link.tif", dir / "hard.tif", dir / "sub" / ".." / "raw.tif"}) {
    INFO(output);
    CHECK(outputReplacesInput(output, raw));
    CHECK_THROWS_AS(refuseOutputOverInputs(output, {dir / "other.tif", raw}), ParameterError);
  }
  CHECK(outputReplacesInput(dir / "live" / "sr.tif", dir / "live"));
  CHECK(outputReplacesInput(dir / "live" / "new" / "sr.tif", dir / "live"));
  CHECK_THROWS_WITH(refuseOutputOverInputs(dir / "live" / "sr.tif", {dir / "live"}),
                    Catch::Contains("inside the input folder"));
  CHECK_FALSE(outputReplacesInput(dir / "sr.tif", raw));
  CHECK_FALSE(outputReplacesInput(dir / "live_sr.tif", dir / "live"));  // a name that only starts alike
  CHECK_NOTHROW(refuseOutputOverInputs(dir / "sr.tif", {raw, dir / "live"}));
}
