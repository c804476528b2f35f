// `lqs run channel-register` end to end: files in, the registered channel and its field out.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("lqs run channel-register writes the registered channel and the field beside it") {
  TempDir dir;
  const std::string reference = (dir / "reference.tif").string(), channel = (dir / "channel.tif").string();
  REQUIRE(runLqs("sample " + reference + " --frames 4 --size 64,64 --structure points").code == 0);
  // the channel: the reference's content 2 rows down and 1 column left
  const Stack ref = readTiff(reference);
  Stack moved(ref.frames(), ref.rows(), ref.cols());
  for (std::size_t t = 0; t < ref.frames(); ++t)
    for (std::size_t r = 2; r < ref.rows(); ++r)
      for (std::size_t c = 0; c + 1 < ref.cols(); ++c) moved.at(t, r, c) = ref.at(t, r - 2, c + 1);
  writeTiff(moved, channel);

  const Outcome run = runLqs("run channel-register " + reference + " " + channel + " -o " +
                             (dir / "aligned.tif").string() + " --set blocks_per_axis=2 --json");
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["values"]["blocks_used"] == 4);
  REQUIRE(json["outputs"].size() == 2);
  CHECK(json["outputs"][1] == (dir / "aligned_field.tif").string());
  const Stack aligned = readTiff(dir / "aligned.tif"), field = readTiff(dir / "aligned_field.tif");
  CHECK(aligned.frames() == 4);
  REQUIRE(field.frames() == 2);
  CHECK(field.at(0, 32, 32) == Approx(-2).margin(0.05));
  CHECK(field.at(1, 32, 32) == Approx(1).margin(0.05));
  CHECK(aligned.at(3, 40, 30) == Approx(ref.at(3, 40, 30)).epsilon(0.02));
}

TEST_CASE("lqs run channel-register: exit 3 for images of different sizes, 2 for too many blocks") {
  TempDir dir;
  const std::string a = (dir / "a.tif").string(), b = (dir / "b.tif").string(),
                    out = (dir / "o.tif").string();
  REQUIRE(runLqs("sample " + a + " --frames 2 --size 64,64").code == 0);
  REQUIRE(runLqs("sample " + b + " --frames 2 --size 64,48").code == 0);
  CHECK(runLqs("run channel-register " + a + " " + b + " -o " + out).code == 3);
  CHECK(runLqs("run channel-register " + a + " " + a + " -o " + out + " --set blocks_per_axis=9").code == 2);
  CHECK_FALSE(std::filesystem::exists(out));
}
