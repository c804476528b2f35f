// Workflows > Save Session as Workflow, Run on a Folder of Files, and the Liquid Engine view's
// "Benchmark now", driven through the engine thread without a window.
#include <catch2/catch.hpp>
#include <fstream>

#include "app/cli/provenance.hpp"
#include "app/gui/jobs/folder_run.hpp"
#include "app/gui/jobs/layer_provenance.hpp"
#include "app/gui/jobs/run_summary.hpp"
#include "app/gui/jobs/session_recorder.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "gui_test_support.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::gui;
using namespace lqs::gui::test;
namespace fs = std::filesystem;

namespace {

Stack ones(std::size_t rows, std::size_t cols) {
  Stack stack(1, rows, cols);
  std::fill(stack.data(), stack.data() + stack.size(), 1.0f);
  return stack;
}

}  // namespace

TEST_CASE("the session's steps are saved as a workflow that engine/workflow parses and runs again") {
  application();
  lqs::test::TempDir dir;
  writeTiff(ones(3, 4), dir / "raw.tif");
  SessionRecorder recorder;
  recorder.noteSource("raw", dir / "raw.tif");
  recorder.record("magnify", {"raw"}, {{"magnification", "2"}}, "big", false);
  recorder.record("magnify", {"big"}, {{"magnification", "3"}, {"interpolation", "nearest"}}, "bigger", false);
  recorder.record("frc", {"bigger"}, {}, "", true);          // a table output: named after the method
  recorder.record("decorr", {"sample"}, {}, "", false);      // values only; a layer without a file
  recorder.record("frc", {"big"}, {}, "", true);             // a second table of the same method
  recorder.save(dir / "session.json");

  const Workflow saved = readWorkflow(dir / "session.json");
  REQUIRE(saved.steps.size() == 5);
  CHECK(saved.steps[4].output == "frc_2.csv");
  CHECK(saved.steps[0].inputs == std::vector<std::string>{"raw.tif"});  // relative to the workflow
  CHECK(saved.steps[0].output == "big.tif");
  CHECK(saved.steps[0].params == std::map<std::string, std::string>{{"magnification", "2"}});
  CHECK(saved.steps[1].inputs == std::vector<std::string>{"big.tif"});  // the earlier step's output
  CHECK(saved.steps[1].params.at("interpolation") == "nearest");
  CHECK(saved.steps[2].output == "frc.csv");
  CHECK(saved.steps[3].inputs == std::vector<std::string>{"sample"});
  CHECK(saved.steps[3].output.empty());

  // The first two steps, run from the file as lqs would, give a 6 x 12 x ... = x6 image.
  Workflow rerun = saved;
  rerun.steps.resize(2);
  EngineThread engine(session().engine());
  const Outcome outcome = waitFor(engine, [&] { engine.runWorkflow(rerun, {}, dir / "session.json"); });
  REQUIRE(outcome.succeeded);
  const Stack bigger = readTiff(dir / "bigger.tif");
  CHECK(bigger.rows() == 18);
  CHECK(bigger.cols() == 24);
}

TEST_CASE("a session step on one channel's layer is saved with its channel, and a run's record names it") {
  application();
  lqs::test::TempDir dir;
  Stack two(8, 6, 6);
  two.channels = 2;
  writeTiff(two, dir / "two.tif");
  SessionRecorder recorder;
  recorder.noteSource("two ch2", dir / "two.tif", 2);
  recorder.record("esrrf", {"two ch2"}, {{"magnification", "2"}}, "sr", false);
  recorder.save(dir / "session.json");
  const Workflow saved = readWorkflow(dir / "session.json");
  REQUIRE(saved.steps.size() == 1);
  CHECK(saved.steps[0].inputs == std::vector<std::string>{"two.tif"});
  CHECK(saved.steps[0].channel == 2u);

  LayerList layers;
  for (auto& layer : ImageLayer::open("two", dir / "two.tif")) layers.add(std::move(layer));
  const InputOrigin origin = originOf(layers, "two ch2");
  CHECK(origin.channel == 2u);
  RunRequest request{"magnify", {std::get<Stack>(oneChannel(two, 2))}, {}, std::nullopt};
  const RunReport report = session().engine().run(request, Job{});
  CHECK(describeGuiRun(session().registry(), request, report, {origin}).channel == 2u);
}

TEST_CASE("a folder run processes every TIFF, lists the bad file and keeps going") {
  application();
  lqs::test::TempDir dir;
  fs::create_directories(dir / "in");
  writeTiff(ones(4, 5), dir / "in" / "a.tif");
  std::ofstream(dir / "in" / "b.tif") << "not a TIFF";
  writeTiff(ones(2, 3), dir / "in" / "c.TIF");
  std::ofstream(dir / "in" / "notes.txt") << "ignored";
  const Workflow workflow{dir.path(), {{"magnify", {"raw.tif"}, "big.tif", {{"magnification", "2"}}},
                                       {"magnify", {"big.tif"}, "bigger.tif", {{"magnification", "2"}}}}};
  CHECK(sourceInputs(workflow) == std::vector<std::string>{"raw.tif"});
  const auto files = folderInputs(dir / "in", workflow);
  REQUIRE(files.size() == 3);

  EngineThread engine(session().engine());
  std::vector<FileOutcome> outcomes;
  std::vector<int> started;
  const Outcome outcome = waitFor(
      engine, [&] { engine.runOnFiles(workflow, files, dir / "out"); },
      [&](QObject& context) {
        QObject::connect(&engine, &EngineThread::fileStarted, &context, [&](int index, int total) {
          started.push_back(index);
          CHECK(total == 3);
        });
        QObject::connect(&engine, &EngineThread::fileFinished, &context,
                         [&](int, const FileOutcome& file) { outcomes.push_back(file); });
      });
  REQUIRE(outcome.finished);
  CHECK(outcome.succeeded);  // a bad file is listed, not a failed job
  CHECK(started == std::vector<int>{0, 1, 2});
  REQUIRE(outcomes.size() == 3);
  CHECK(outcomes[0].error.empty());
  CHECK(outcomes[0].written.size() == 2);
  CHECK(outcomes[0].values.empty());  // magnify reports no values
  CHECK_FALSE(outcomes[1].error.empty());
  CHECK(outcomes[1].written.empty());
  CHECK(outcomes[2].error.empty());
  CHECK(readTiff(dir / "out" / "a_bigger.tif").rows() == 16);
  CHECK(readTiff(dir / "out" / "c_bigger.tif").cols() == 12);
  CHECK(fs::exists(dir / "out" / "a_big.tif"));
  CHECK_FALSE(fs::exists(dir / "out" / "b_big.tif"));
  // Each output carries the record `lqs workflow` writes: its step's input file.
  CHECK(cli::readProvenance(dir / "out" / "a_big.tif").inputs.at(0).path == (dir / "in" / "a.tif").string());
  const cli::Provenance bigger = cli::readProvenance(dir / "out" / "a_bigger.tif");
  CHECK(bigger.parameters.at("magnification") == "2");
  CHECK(bigger.inputs.at(0).path == (dir / "out" / "a_big.tif").string());

  // Outputs written next to the files are not taken as inputs by the next run.
  const Outcome beside = waitFor(engine, [&] { engine.runOnFiles(workflow, {files[0]}, {}); });
  REQUIRE(beside.succeeded);
  CHECK(fs::exists(dir / "in" / "a_bigger.tif"));
  CHECK(folderInputs(dir / "in", workflow) == files);
}

TEST_CASE("a folder run needs a workflow with exactly one input file") {
  const Workflow two{".", {{"squirrel", {"raw.tif", "sr.tif"}, "map.tif", {}}}};
  CHECK(sourceInputs(two).size() == 2);
  CHECK_THROWS_AS(workflowForFile(two, "x.tif", "."), ParameterError);
  CHECK_THROWS_AS(folderInputs("/no/such/folder", two), InputError);
}

TEST_CASE("Benchmark now runs every implementation through the engine thread and records the runs") {
  application();
  EngineThread engine(session().engine());
  const std::size_t before = session().store().runsOf("magnify").size();
  const std::size_t implementations = session().registry().find("magnify").implementations.size();
  std::vector<BenchmarkResult> results;
  QString method;
  const Outcome outcome = waitFor(
      engine, [&] { engine.runBenchmark(RunRequest{"magnify", {Stack(1, 6, 7)}, {{"magnification", "2"}}, std::nullopt}, 2); },
      [&](QObject& context) {
        QObject::connect(&engine, &EngineThread::benchmarkFinished, &context,
                         [&](const QString& name, const std::vector<BenchmarkResult>& got) { method = name, results = got; });
      });
  REQUIRE(outcome.succeeded);
  CHECK(method == "magnify");
  REQUIRE(results.size() == implementations);
  std::size_t recorded = 0;
  for (const auto& result : results) {
    INFO(result.implementation << ": " << result.error);
    CHECK((result.runs.size() == 2 || !result.error.empty()));
    recorded += result.runs.size();
  }
  CHECK(recorded > 0);
  const auto runs = session().store().runsOf("magnify");
  CHECK(runs.size() >= before + recorded);
  // The view's grouping finds the new size for every implementation that ran.
  for (const auto& result : results) {
    if (result.runs.empty()) continue;
    bool found = false;
    for (const auto& series : groupRuns(runs))
      for (const auto& point : series.points)
        found = found || (series.implementation == result.implementation && point.signature.find("shape(1,6,7)") == 0 &&
                          point.runs >= 2);
    CHECK(found);
  }
}

TEST_CASE("steps of a workflow run in the GUI are saved with their outputs, layers and files resolved") {
  lqs::test::TempDir dir;
  fs::create_directories(dir / "run");
  SessionRecorder recorder;
  const auto isLayer = [](const std::string& name) { return name == "sample"; };
  recorder.beginWorkflow(dir / "run");
  recorder.recordWorkflowStep({"magnify", {"raw.tif"}, "big.tif", {{"magnification", "2"}}}, "big", false, isLayer);
  recorder.recordWorkflowStep({"squirrel", {"sample", "big.tif"}, "map.tif", {}}, "map", false, isLayer);
  recorder.recordWorkflowStep({"decorr", {"big.tif"}, "", {}}, "", false, isLayer);
  recorder.record("magnify", {"map"}, {}, "map_x2", false);  // then a panel run on one of its layers
  recorder.save(dir / "session.json");

  const Workflow saved = readWorkflow(dir / "session.json");
  REQUIRE(saved.steps.size() == 4);
  CHECK(saved.steps[0].inputs == std::vector<std::string>{"run/raw.tif"});  // the file, relative to the saved workflow
  CHECK(saved.steps[0].output == "big.tif");
  CHECK(saved.steps[1].inputs == std::vector<std::string>{"sample", "big.tif"});
  CHECK(saved.steps[2].inputs == std::vector<std::string>{"big.tif"});
  CHECK(saved.steps[2].output.empty());
  CHECK(saved.steps[3].inputs == std::vector<std::string>{"map.tif"});
  CHECK(saved.steps[3].output == "map_x2.tif");
}
