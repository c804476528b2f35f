// Provenance: every output of `lqs run` / `lqs workflow` names its method, parameters, implementation
// and inputs (with SHA-256); `lqs provenance` prints it and `lqs rerun` reproduces the output.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json provenanceOf(const fs::path& file) {
  const Outcome printed = runLqs("provenance " + file.string() + " --json");
  REQUIRE(printed.code == 0);
  return json::parse(printed.out);
}

// coreutils' checksum, independent of lqs's own SHA-256
std::string sha256sum(const fs::path& file) { return runShell("sha256sum " + file.string()).out.substr(0, 64); }

std::string text(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream all;
  all << in.rdbuf();
  return all.str();
}

}  // namespace

TEST_CASE("lqs run records its provenance in the TIFF, prints it back and re-runs to the same pixels") {
  TempDir dir;
  REQUIRE(runLqs("sample " + (dir / "s.tif").string() + " --frames 6 --size 40,32").code == 0);
  REQUIRE(runLqs("run magnify " + (dir / "s.tif").string() + " -o " + (dir / "m.tif").string() +
                 " --set magnification=2 --impl cpu:tbb")
              .code == 0);
  const TiffInfo info = readTiffInfo(dir / "m.tif");
  CHECK(info.frames == 6);                  // the ImageJ keys still read as before
  CHECK(info.pixelSize.unit == "um");
  CHECK(info.provenance.find("\"magnify\"") != std::string::npos);

  const json record = provenanceOf(dir / "m.tif");
  CHECK(record["method"] == "magnify");
  CHECK(record["output"] == "image");
  CHECK(record["implementation"] == "cpu:tbb");
  CHECK(record["device"]["backend"] == "cpu");
  CHECK(record["parameters"]["magnification"] == "2");
  CHECK(record["parameters"].contains("interpolation"));  // defaults recorded too
  REQUIRE(record["inputs"].size() == 1);
  CHECK(record["inputs"][0]["file"] == "s.tif");
  CHECK(record["inputs"][0]["sha256"] == sha256sum(dir / "s.tif"));
  CHECK(!record["version"].get<std::string>().empty());

  REQUIRE(runLqs("rerun " + (dir / "m.tif").string() + " -o " + (dir / "again.tif").string()).code == 0);
  CHECK(maxAbsDifference(readTiff(dir / "again.tif"), readTiff(dir / "m.tif")) == 0);
  const json again = provenanceOf(dir / "again.tif");
  CHECK(again["parameters"] == record["parameters"]);
  CHECK(again["implementation"] == "cpu:tbb");
  CHECK(again["inputs"] == record["inputs"]);
}

TEST_CASE("a CSV output gets OUT.csv.provenance.json and re-runs to the same table") {
  TempDir dir;
  REQUIRE(runLqs("sample " + (dir / "s.tif").string() + " --frames 8 --size 48,48 --drift 0.3,0.1").code == 0);
  REQUIRE(runLqs("run drift-estimate " + (dir / "s.tif").string() + " -o " + (dir / "drift.csv").string() +
                 " --impl cpu:unthreaded")
              .code == 0);
  REQUIRE(fs::exists(dir / "drift.csv.provenance.json"));
  const json record = provenanceOf(dir / "drift.csv");
  CHECK(record["method"] == "drift-estimate");
  CHECK(record["inputs"][0]["sha256"] == sha256sum(dir / "s.tif"));
  REQUIRE(runLqs("rerun " + (dir / "drift.csv").string()).code == 0);  // default name: drift_rerun.csv
  CHECK(text(dir / "drift_rerun.csv") == text(dir / "drift.csv"));
  CHECK(fs::exists(dir / "drift_rerun.csv.provenance.json"));

  // a CSV that cannot be written leaves no record of it (the side-car was written first before)
  fs::create_directories(dir / "blocked.csv");
  CHECK(runLqs("run drift-estimate " + (dir / "s.tif").string() + " -o " + (dir / "blocked.csv").string() +
               " --impl cpu:unthreaded")
            .code == 3);
  CHECK_FALSE(fs::exists(dir / "blocked.csv.provenance.json"));
}

TEST_CASE("rerun finds inputs moved along with the output and refuses inputs that changed") {
  TempDir dir;
  fs::create_directories(dir / "a");
  REQUIRE(runLqs("sample " + (dir / "a" / "s.tif").string() + " --frames 4 --size 32,32").code == 0);
  REQUIRE(runLqs("run magnify " + (dir / "a" / "s.tif").string() + " -o " + (dir / "a" / "m.tif").string()).code == 0);
  fs::rename(dir / "a", dir / "b");  // the record's absolute path is gone; the relative one still works
  REQUIRE(runLqs("rerun " + (dir / "b" / "m.tif").string()).code == 0);
  CHECK(maxAbsDifference(readTiff(dir / "b" / "m_rerun.tif"), readTiff(dir / "b" / "m.tif")) == 0);

  REQUIRE(runLqs("sample " + (dir / "b" / "s.tif").string() + " --frames 4 --size 32,32 --seed 9").code == 0);
  const Outcome refused = runLqs("rerun " + (dir / "b" / "m.tif").string() + " -o " + (dir / "x.tif").string(), true);
  CHECK(refused.code == 3);
  CHECK(refused.out.find("changed") != std::string::npos);
  CHECK(!fs::exists(dir / "x.tif"));
  CHECK(runLqs("provenance " + (dir / "b" / "s.tif").string()).code == 3);  // a sample has no record
}

TEST_CASE("workflow outputs record their step, the workflow and the earlier output they read") {
  TempDir dir;
  REQUIRE(runLqs("sample " + (dir / "raw.tif").string() + " --frames 4 --size 32,32").code == 0);
  std::ofstream(dir / "w.json") << R"({"steps": [
    {"method": "magnify", "inputs": ["raw.tif"], "output": "m.tif", "params": {"magnification": 2}},
    {"method": "magnify", "inputs": ["m.tif"], "output": "mm.tif", "params": {"magnification": 1.5}}]})";
  REQUIRE(runLqs("workflow " + (dir / "w.json").string()).code == 0);
  const json second = provenanceOf(dir / "mm.tif");
  CHECK(second["parameters"]["magnification"] == "1.5");
  CHECK(second["inputs"][0]["file"] == "m.tif");
  CHECK(second["inputs"][0]["sha256"] == sha256sum(dir / "m.tif"));
  CHECK(second["workflow"].get<std::string>().find("w.json") != std::string::npos);
  REQUIRE(runLqs("rerun " + (dir / "mm.tif").string()).code == 0);
  CHECK(maxAbsDifference(readTiff(dir / "mm_rerun.tif"), readTiff(dir / "mm.tif")) == 0);
}
