// `lqs live` fed by `lqs simulate-acquisition` running at the same time: the running
// reconstruction equals offline eSRRF of the same frames, the per-block series equals offline eSRRF
// with one time point per block, and an interrupt leaves both complete and valid.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

const std::string esrrfSettings = " --set magnification=2 --set radius=1.5";

// Offline eSRRF of the first `frames` frames of the acquisition (a growing TIFF or a folder).
Stack offlineEsrrf(const TempDir& dir, const fs::path& source, std::size_t frames, const std::string& extra = "") {
  Stack all;
  if (fs::is_directory(source)) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(source)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= frames);
    Stack first = readTiff(files[0]);
    all = Stack(frames, first.rows(), first.cols());
    all.pixelSize = first.pixelSize;
    for (std::size_t t = 0; t < frames; ++t) {
      const Stack one = readTiff(files[t]);
      std::copy(one.data(), one.data() + one.size(), all.frame(t).data());
    }
  } else {
    all = readTiff(source, 0, frames);
  }
  writeTiff(all, dir / "offline_in.tif");
  const Outcome run = runLqs("run esrrf " + (dir / "offline_in.tif").string() + " -o " + (dir / "offline.tif").string() +
                             " --impl cpu:tbb" + esrrfSettings + extra);
  REQUIRE(run.code == 0);
  return readTiff(dir / "offline.tif");
}

}  // namespace

TEST_CASE("lqs live on a simulated acquisition equals offline eSRRF of the same frames") {
  const std::string kind = GENERATE(as<std::string>{}, "--file", "--file --imagej --uint16", "--folder");
  INFO(kind);
  TempDir dir;
  const fs::path source = dir / (kind == "--folder" ? "frames" : "acq.tif");
  const std::string out = (dir / "live.tif").string();
  // live starts first, before the file or folder exists, and waits for it to appear
  const Outcome run = runShell(lqsExecutable() + " live " + source.string() + " -o " + out +
                               " --block 16 --idle 3 --impl cpu:tbb --resolution" + esrrfSettings +
                               " --json & live=$!; sleep 0.3; " + lqsExecutable() + " simulate-acquisition " +
                               source.string() + " " + kind + " --rate 200 --frames 60 --size 32,32 --seed 3 > /dev/null; " +
                               "wait $live");
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["frames"] == 60);
  CHECK(json["blocks"] == 4);  // 16, 16, 16 and the remainder of 12
  CHECK(json["per_block"].back()["frames"] == 12);
  CHECK(json["ended"] == "idle");
  CHECK(json["lag_max_s"].get<double>() >= json["lag_mean_s"].get<double>());
  CHECK(json["per_block"][0]["frc_resolution"].is_null());  // FRC needs an even and an odd block
  for (std::size_t b = 1; b < 4; ++b) {
    const auto& resolution = json["per_block"][b]["frc_resolution"];
    CHECK((resolution.is_null() || resolution.get<double>() > 0));
  }

  const Stack live = readTiff(out);
  REQUIRE(live.frames() == 1);
  CHECK(relativeL2(live, offlineEsrrf(dir, source, 60)) <= 1e-5);
  const Stack blocks = readTiff(dir / "live_blocks.tif");
  REQUIRE(blocks.frames() == 4);
  CHECK(relativeL2(blocks, offlineEsrrf(dir, source, 60, " --set frames_per_timepoint=16")) <= 1e-5);
  CHECK(live.pixelSize.value == Approx(0.05));
}

TEST_CASE("an interrupted lqs live run leaves a complete reconstruction of the frames it read") {
  TempDir dir;
  const fs::path source = dir / "acq.tif";
  const fs::path out = dir / "live.tif";
  // live in the background; once its first block is written it gets SIGINT, as from Ctrl-C
  const std::string script =
      lqsExecutable() + " simulate-acquisition " + source.string() + " --file --rate 100 --frames 600 --size 32,32 " +
      "> /dev/null & sim=$!; " + lqsExecutable() + " live " + source.string() + " -o " + out.string() +
      " --block 10 --idle 5 --json" + esrrfSettings + " & live=$!; " +
      "i=0; while [ ! -f " + out.string() + " ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done; " +
      "kill -INT $live; wait $live; code=$?; kill $sim; wait $sim; exit $code";
  const Outcome run = runShell(script);
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["ended"] == "interrupted");
  const std::size_t frames = json["frames"];
  CHECK(frames >= 10);
  CHECK(frames < 600);
  const Stack live = readTiff(out);
  REQUIRE(live.frames() == 1);
  CHECK(relativeL2(live, offlineEsrrf(dir, source, frames)) <= 1e-5);
  CHECK(readTiffInfo(dir / "live_blocks.tif").frames == json["blocks"].get<std::size_t>());
}

TEST_CASE("lqs live refuses what it cannot do exactly, and says so when nothing arrives") {
  TempDir dir;
  const std::string source = (dir / "none.tif").string(), out = (dir / "o.tif").string();
  for (const char* mode : {"var", "tac2"}) {
    const Outcome refused = runLqs("live " + source + " -o " + out + " --set temporal_correlation=" + mode, true);
    CHECK(refused.code == 2);
    CHECK(refused.out.find("avg") != std::string::npos);
  }
  CHECK(runLqs("live " + source + " -o " + out + " --set frames_per_timepoint=5").code == 2);
  CHECK(runLqs("live " + source + " -o " + out + " --block 0").code == 2);
  CHECK(runLqs("live " + source + " -o " + out + " --impl nowhere:0").code == 2);
  const Outcome idle = runLqs("live " + source + " -o " + out + " --idle 0.2", true);
  CHECK(idle.code == 3);
  CHECK(idle.out.find("none.tif") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(runLqs("simulate-acquisition " + source + " --rate 10 --frames 2").code == 2);  // neither --file nor --folder
}
