// Runs the built `lqs` as a user would and checks exit codes, outputs and --json.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/tiff.hpp"
#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

TEST_CASE("lqs --version, info and methods answer") {
  CHECK(runLqs("--version").code == 0);
  CHECK(runLqs("info --json").code == 0);
  const auto methods = nlohmann::json::parse(runLqs("methods --json").out);
  std::vector<std::string> names;
  for (const auto& m : methods["methods"]) names.push_back(m["name"]);
  for (const char* expected : {"magnify", "shift-magnify", "shift-scale-rotate", "conv2d", "nlm", "esrrf", "frc",
                               "squirrel", "drift-estimate", "drift-apply", "drift-correct"})
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
}

TEST_CASE("sample then magnify gives the magnified stack and exactly one JSON line") {
  TempDir dir;
  REQUIRE(runLqs("sample " + (dir / "s.tif").string() + " --frames 20 --size 64,48").code == 0);
  const Outcome run = runLqs("run magnify " + (dir / "s.tif").string() + " -o " + (dir / "m.tif").string() +
                          " --set magnification=2 --set interpolation=catmull-rom --json");
  REQUIRE(run.code == 0);
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 1);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["method"] == "magnify");
  CHECK(json["outputs"][0] == (dir / "m.tif").string());
  // what the user waited for, phase by phase: the run holds the method's own seconds
  for (const char* phase : {"devices", "read", "run", "write"}) {
    INFO(phase);
    REQUIRE(json["phases"].contains(phase));
    CHECK(json["phases"][phase].get<double>() >= 0);
  }
  CHECK(json["phases"]["run"].get<double>() >= json["seconds"].get<double>());
  const TiffInfo info = readTiffInfo(dir / "m.tif");
  CHECK(info.frames == 20);
  CHECK(info.rows == 128);
  CHECK(info.cols == 96);
}

TEST_CASE("lqs bench --impl times only the implementations named, and refuses a name that matches none") {
  const Outcome bench = runLqs("bench magnify --shape 1,9,7 --impl cpu:unthreaded --repeat 2 --json");
  REQUIRE(bench.code == 0);
  const auto results = nlohmann::json::parse(bench.out)["results"];
  REQUIRE(results.size() == 1);
  CHECK(results[0]["implementation"] == "cpu:unthreaded");
  CHECK(results[0]["runs"].size() == 2);
  CHECK(runLqs("bench magnify --shape 1,9,7 --impl no-such-device").code == 2);
}

TEST_CASE("lqs sample writes the requested shape, calibrated, the same for the same seed") {
  TempDir dir;
  REQUIRE(runLqs("sample " + (dir / "a.tif").string() + " --frames 20 --size 64,48").code == 0);
  const TiffInfo info = readTiffInfo(dir / "a.tif");
  CHECK(info.frames == 20);
  CHECK(info.rows == 64);
  CHECK(info.cols == 48);
  CHECK(info.isFloat);
  CHECK(info.pixelSize.value == Approx(0.1));
  CHECK(info.pixelSize.unit == "um");
  REQUIRE(runLqs("sample " + (dir / "b.tif").string() + " --frames 20 --size 64,48").code == 0);
  REQUIRE(runLqs("sample " + (dir / "c.tif").string() + " --frames 20 --size 64,48 --seed 7").code == 0);
  const Stack a = readTiff(dir / "a.tif");
  CHECK(maxAbsDifference(readTiff(dir / "b.tif"), a) == 0);
  CHECK(maxAbsDifference(readTiff(dir / "c.tif"), a) > 0);
  CHECK(runLqs("sample " + (dir / "d.tif").string() + " --frames 0").code == 2);
  CHECK(runLqs("sample " + (dir / "no" / "d.tif").string() + " --frames 2").code == 3);
  CHECK_FALSE(fs::exists(dir / "d.tif"));
  CHECK_FALSE(fs::exists(dir / "no"));
}

TEST_CASE("an input error is one line on stderr naming the file, nothing on stdout with --json") {
  TempDir dir;
  std::ofstream(dir / "text.tif") << "not a TIFF\n";
  const std::string out = (dir / "o.tif").string();
  const Outcome merged = runLqs("run magnify " + (dir / "text.tif").string() + " -o " + out, true);
  CHECK(merged.code == 3);
  CHECK(std::count(merged.out.begin(), merged.out.end(), '\n') == 1);
  CHECK(merged.out.find("text.tif") != std::string::npos);
  const Outcome json = runLqs("run magnify " + (dir / "text.tif").string() + " -o " + out + " --json");
  CHECK(json.code == 3);
  CHECK(std::count(json.out.begin(), json.out.end(), '\n') <= 1);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("exit codes: 2 for usage and parameters, 3 for input, no output left behind") {
  TempDir dir;
  const std::string sample = (dir / "s.tif").string(), out = (dir / "o.tif").string();
  REQUIRE(runLqs("sample " + sample + " --frames 4 --size 16,16").code == 0);
  CHECK(runLqs("run no-such-method " + sample).code == 2);
  CHECK(runLqs("run magnify " + sample + " -o " + out + " --set magnification=-4").code == 2);
  CHECK(runLqs("run magnify " + sample + " -o " + out + " --set nope=1").code == 2);
  CHECK(runLqs("run magnify " + sample + " -o " + out + " --impl cpu:imaginary").code == 2);
  CHECK(runLqs("frobnicate").code == 2);
  CHECK(runLqs("run magnify " + (dir / "missing.tif").string() + " -o " + out).code == 3);
  CHECK(runLqs("run magnify " + sample + " -o " + (dir / "no" / "o.tif").string()).code == 3);
  CHECK_FALSE(fs::exists(dir / "no"));
  CHECK(runLqs("run magnify " + sample + " -o " + dir.path().string()).code == 3);  // the output is a folder
  {
    const auto size = fs::file_size(sample);
    fs::copy_file(sample, dir / "cut.tif");
    fs::resize_file(dir / "cut.tif", size / 2);
  }
  CHECK(runLqs("run magnify " + (dir / "cut.tif").string() + " -o " + out).code == 3);
  CHECK_FALSE(fs::exists(out));
  for (const auto& entry : fs::directory_iterator(dir.path()))  // no temporary left behind either
    CHECK(entry.path().filename().string().find(".part-") == std::string::npos);
}

// What a hurried user types: the input as the output (also through a link, or into the live folder
// being watched), a parameter twice, an output named for the wrong format, a workflow key misspelt. Each is
// exit 2 before anything runs, and the raw data is untouched.
TEST_CASE(
    "an output over an input, a duplicated --set, a misspelt workflow key: exit 2, raw data untouched") {
  TempDir dir;
  const fs::path raw = dir / "raw.tif";
  REQUIRE(runLqs("sample " + raw.string() + " --frames 4 --size 16,16").code == 0);
  const auto before = fs::file_size(raw);
  const auto modified = fs::last_write_time(raw);
  fs::create_symlink(raw, dir / "link.tif");
  const Outcome same = runLqs("run magnify " + raw.string() + " -o " + raw.string(), true);
  CHECK(same.code == 2);
  CHECK(same.out.find("destroy raw data") != std::string::npos);
  CHECK(runLqs("run magnify " + raw.string() + " -o " + (dir / "link.tif").string()).code == 2);
  const Outcome twice = runLqs("run magnify " + raw.string() + " -o " + (dir / "m.tif").string() +
                                   " --set magnification=2 --set magnification=3",
                               true);
  CHECK(twice.code == 2);
  CHECK(twice.out.find("given twice") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "m.tif"));
  // a table in a .tif, an image in a .csv: the format follows the name, or nothing runs
  const Outcome table =
      runLqs("run drift-estimate " + raw.string() + " -o " + (dir / "d.tif").string(), true);
  CHECK(table.code == 2);
  CHECK(table.out.find("NAME.csv") != std::string::npos);
  CHECK(runLqs("run magnify " + raw.string() + " -o " + (dir / "m.csv").string()).code == 2);
  CHECK(runLqs("run magnify " + raw.string() + " -o " + (dir / "m.TIFF").string()).code == 0);
  fs::create_directories(dir / "live");
  CHECK(runLqs("live " + (dir / "live").string() + " -o " + (dir / "live" / "sr.tif").string() + " --idle 1")
            .code == 2);
  CHECK(runLqs("live " + raw.string() + " -o " + raw.string() + " --idle 1").code == 2);
  std::ofstream(dir / "typo.json")
      << R"({"steps": [{"method": "magnify", "inputs": ["raw.tif"], "output": "a.tif", "paramz": {}}]})";
  CHECK(runLqs("workflow " + (dir / "typo.json").string()).code == 2);
  std::ofstream(dir / "over.json") << R"({"steps": [
      {"method": "magnify", "inputs": ["raw.tif"], "output": "a.tif"},
      {"method": "magnify", "inputs": ["a.tif"], "output": "raw.tif"}]})";
  CHECK(runLqs("workflow " + (dir / "over.json").string()).code == 2);
  CHECK_FALSE(fs::exists(dir / "a.tif"));  // refused before step 1 ran
  CHECK(fs::file_size(raw) == before);
  CHECK(fs::last_write_time(raw) == modified);
}

TEST_CASE("a workflow chains steps and reports each") {
  TempDir dir;
  REQUIRE(runLqs("sample " + (dir / "raw.tif").string() + " --frames 6 --size 24,24").code == 0);
  std::ofstream(dir / "w.json") << R"({"steps": [
      {"method": "drift-correct", "inputs": ["raw.tif"], "output": "aligned.tif"},
      {"method": "esrrf", "inputs": ["aligned.tif"], "output": "sr.tif", "params": {"magnification": 2}},
      {"method": "squirrel", "inputs": ["raw.tif", "sr.tif"], "output": "error_map.tif"}]})";
  const Outcome run = runLqs("workflow " + (dir / "w.json").string() + " --json");
  REQUIRE(run.code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["steps"].size() == 3);
  CHECK(json["steps"][2]["values"].contains("rsp"));
  CHECK(fs::exists(dir / "sr.tif"));
  CHECK(fs::exists(dir / "error_map.tif"));
}

TEST_CASE("Ctrl-C during a run exits 130 and leaves no output") {
  TempDir dir;
  const std::string stack = (dir / "long.tif").string(), out = (dir / "sr.tif").string();
  REQUIRE(runLqs("sample " + stack + " --frames 400 --size 96,96").code == 0);
  const char* override = std::getenv("LQS_EXE");
  const std::string exe = override && *override ? override : LQS_EXE;
  // the shell sends SIGINT half a second into an eSRRF that takes several seconds
  const Outcome run = runLqs("--version >/dev/null; " + exe + " run esrrf " + stack + " -o " + out +
                             " --impl cpu:unthreaded 2>/dev/null & pid=$!; sleep 0.5; kill -INT $pid; wait $pid; echo $?");
  CHECK(run.out.find("130") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}
