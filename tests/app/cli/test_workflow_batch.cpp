// `lqs workflow W.json --each PATTERN --out FOLDER`: one run per file into FOLDER/STEM/, past bad
// files (reported at the end, exit 4), skipping files whose outputs are newer than input and workflow.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// A two-step chain, so the second step must read the first step's output of the same file.
void writeWorkflow(const fs::path& file) {
  std::ofstream(file) << R"({"steps": [
    {"method": "magnify", "inputs": ["raw.tif"], "output": "m.tif", "params": {"magnification": 2}},
    {"method": "magnify", "inputs": ["m.tif"], "output": "mm.tif", "params": {"magnification": 2}}]})";
}

std::map<std::string, std::string> statuses(const json& report) {
  std::map<std::string, std::string> byFile;
  for (const auto& file : report["files"]) byFile[fs::path(file["input"].get<std::string>()).filename()] = file["status"];
  return byFile;
}

json runEach(const TempDir& dir, int expectedCode) {
  const Outcome run = runLqs("workflow " + (dir / "w.json").string() + " --each '" + (dir / "data").string() +
                             "/*.tif' --out " + (dir / "results").string() + " --json");
  REQUIRE(run.code == expectedCode);
  return json::parse(run.out);
}

}  // namespace

TEST_CASE("workflow --each runs the workflow once per file and reports a bad file at the end") {
  TempDir dir;
  fs::create_directories(dir / "data");
  writeWorkflow(dir / "w.json");
  REQUIRE(runLqs("sample " + (dir / "data" / "a.tif").string() + " --frames 3 --size 16,16").code == 0);
  REQUIRE(runLqs("sample " + (dir / "data" / "c.tif").string() + " --frames 3 --size 16,24 --seed 2").code == 0);
  std::ofstream(dir / "data" / "b.tif") << "not a TIFF";

  const Outcome run = runLqs("workflow " + (dir / "w.json").string() + " --each '" + (dir / "data").string() +
                                 "/*.tif' --out " + (dir / "results").string(),
                             true);
  CHECK(run.code == 4);
  CHECK(run.out.find("1 of 3 files failed") != std::string::npos);
  CHECK(run.out.find("b.tif") != std::string::npos);
  for (const char* stem : {"a", "c"}) {
    const TiffInfo info = readTiffInfo(dir / "results" / stem / "mm.tif");
    CHECK(info.frames == 3);
    CHECK(info.rows == 64);
    CHECK(info.provenance.find(stem + std::string("/m.tif")) != std::string::npos);  // read its own first output
  }
  CHECK(readTiffInfo(dir / "results" / "c" / "mm.tif").cols == 96);
  CHECK(!fs::exists(dir / "results" / "b" / "mm.tif"));
}

TEST_CASE("workflow --each skips files whose outputs are newer, and runs again when the input is newer") {
  TempDir dir;
  fs::create_directories(dir / "data");
  writeWorkflow(dir / "w.json");
  REQUIRE(runLqs("sample " + (dir / "data" / "a.tif").string() + " --frames 3 --size 16,16").code == 0);
  REQUIRE(runLqs("sample " + (dir / "data" / "b.tif").string() + " --frames 3 --size 16,16 --seed 3").code == 0);
  CHECK(statuses(runEach(dir, 0)) == std::map<std::string, std::string>{{"a.tif", "done"}, {"b.tif", "done"}});
  CHECK(statuses(runEach(dir, 0)) == std::map<std::string, std::string>{{"a.tif", "skipped"}, {"b.tif", "skipped"}});

  fs::last_write_time(dir / "data" / "b.tif", fs::file_time_type::clock::now() + std::chrono::hours(1));
  CHECK(statuses(runEach(dir, 0)) == std::map<std::string, std::string>{{"a.tif", "skipped"}, {"b.tif", "done"}});

  fs::remove(dir / "results" / "a" / "mm.tif");  // an incomplete set of outputs runs again
  CHECK(statuses(runEach(dir, 0))["a.tif"] == "done");
}

TEST_CASE("workflow --each refuses a pattern matching nothing and --out alone, before running anything") {
  TempDir dir;
  writeWorkflow(dir / "w.json");
  CHECK(runLqs("workflow " + (dir / "w.json").string() + " --each '" + (dir / "none").string() + "/*.tif'").code == 2);
  CHECK(runLqs("workflow " + (dir / "w.json").string() + " --out " + (dir / "r").string()).code == 2);
  CHECK(!fs::exists(dir / "r"));
}

TEST_CASE("workflow --each draws an overall progress bar on a terminal, and none into a pipe") {
  if (runShell("command -v script").code != 0) {
    WARN("util-linux `script` is missing: the terminal case is not checked");
    return;
  }
  TempDir dir;
  fs::create_directories(dir / "data");
  writeWorkflow(dir / "w.json");
  REQUIRE(runLqs("sample " + (dir / "data" / "a.tif").string() + " --frames 2 --size 8,8").code == 0);
  const std::string each = "workflow " + (dir / "w.json").string() + " --each " + (dir / "data" / "a.tif").string();
  // `script` runs lqs on a pseudo-terminal and copies what it drew to our pipe
  const Outcome terminal =
      runShell("script -qec '" + lqsExecutable() + " " + each + " --out " + (dir / "tty").string() + "' /dev/null");
  CHECK(terminal.code == 0);
  CHECK(terminal.out.find("100%  [1/1] a.tif") != std::string::npos);
  const Outcome piped = runLqs(each + " --out " + (dir / "pipe").string(), true);
  CHECK(piped.code == 0);
  CHECK(piped.out.find('%') == std::string::npos);
}

TEST_CASE(
    "workflow --each runs every file again when a file they all read (a kernel) or the workflow changed") {
  TempDir dir;
  fs::create_directories(dir / "data");
  REQUIRE(runLqs("sample " + (dir / "data" / "a.tif").string() + " --frames 2 --size 16,16").code == 0);
  REQUIRE(runLqs("sample " + (dir / "kernel.tif").string() + " --frames 1 --size 3,3 --seed 5").code == 0);
  std::ofstream(dir / "w.json") << R"({"steps": [{"method": "conv2d", "inputs": ["raw.tif", "kernel.tif"],)"
                                << R"( "output": "f.tif"}]})";
  CHECK(statuses(runEach(dir, 0))["a.tif"] == "done");
  CHECK(statuses(runEach(dir, 0))["a.tif"] == "skipped");
  const auto later = fs::file_time_type::clock::now() + std::chrono::hours(1);
  fs::last_write_time(dir / "kernel.tif", later);  // a new kernel: every output is stale
  CHECK(statuses(runEach(dir, 0))["a.tif"] == "done");
  fs::last_write_time(dir / "w.json", later + std::chrono::hours(1));  // new parameters
  CHECK(statuses(runEach(dir, 0))["a.tif"] == "done");
}
