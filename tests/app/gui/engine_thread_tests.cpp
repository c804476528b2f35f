// The engine thread and the generated panels, driven without a window (Qt's offscreen platform
// is enough for plain widgets; only the OpenGL canvas needs Xvfb).
#include <QApplication>
#include <QEventLoop>
#include <QTimer>
#include <catch2/catch.hpp>
#include <chrono>

#include "app/cli/session.hpp"
#include "app/gui/engine_thread.hpp"
#include "app/gui/method_panel.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "core/sample.hpp"

using namespace lqs;
using namespace lqs::gui;

namespace {

QApplication& application() {
  static int argc = 1;
  static char name[] = "gui_tests";
  static char* argv[] = {name, nullptr};
  qputenv("QT_QPA_PLATFORM", "offscreen");
  static QApplication app(argc, argv);
  return app;
}

cli::Session& session() {
  static cli::Session shared;
  return shared;
}

struct Outcome {
  std::vector<StepResult> steps;
  QString failure;
  bool finished = false, succeeded = false;
};

// Runs the event loop until the job finishes (or 60 s pass) and returns what was signalled.
Outcome waitFor(EngineThread& engine, const std::function<void()>& start) {
  Outcome outcome;
  QEventLoop loop;
  QObject::connect(&engine, &EngineThread::stepFinished, &loop, [&](const StepResult& step) { outcome.steps.push_back(step); });
  QObject::connect(&engine, &EngineThread::failed, &loop, [&](const QString& message) { outcome.failure = message; });
  QObject::connect(&engine, &EngineThread::finished, &loop, [&](bool succeeded) {
    outcome.finished = true;
    outcome.succeeded = succeeded;
    loop.quit();
  });
  QTimer::singleShot(60000, &loop, &QEventLoop::quit);
  start();
  loop.exec();
  return outcome;
}

Stack smallSample(std::size_t frames, std::size_t size) {
  SampleOptions options;
  options.frames = frames;
  options.rows = options.cols = size;
  return simulateBlinking(options);
}

}  // namespace

TEST_CASE("every registered method gets a generated panel whose defaults pass validation") {
  application();
  LayerList layers;
  layers.add("sample", smallSample(4, 16));
  REQUIRE_FALSE(session().registry().methods().empty());
  for (const Method& method : session().registry().methods()) {
    INFO(method.spec.name);
    MethodPanel panel(method);
    panel.setLayerNames({"sample"});
    const bool needsTable = std::any_of(method.spec.inputs.begin(), method.spec.inputs.end(),
                                        [](const PortSpec& port) { return port.kind == DataKind::Table && !port.optional; });
    if (needsTable) {
      CHECK_THROWS_AS(panel.request(layers), InputError);  // no CSV chosen yet
      continue;
    }
    const RunRequest request = panel.request(layers);
    CHECK(request.method == method.spec.name);
    CHECK(request.params.size() == method.spec.params.size());
    CHECK_NOTHROW(resolveParameters(method.spec.params, request.params, method.spec.name));
  }
}

TEST_CASE("a panel refuses to run without a layer for a required image input") {
  application();
  LayerList empty;
  MethodPanel panel(session().registry().find("magnify"));
  CHECK_THROWS_AS(panel.request(empty), InputError);
}

TEST_CASE("the engine thread runs a method and reports its result through queued signals") {
  application();
  EngineThread engine(session().engine());
  Stack input(1, 5, 7);
  input.at(0, 2, 3) = 1;
  const Outcome outcome = waitFor(engine, [&] {
    engine.runMethod(RunRequest{"magnify", {input}, {{"magnification", "2"}}, std::nullopt});
  });
  REQUIRE(outcome.finished);
  CHECK(outcome.succeeded);
  CHECK(outcome.failure.isEmpty());
  REQUIRE(outcome.steps.size() == 1);
  const Stack& output = std::get<Stack>(outcome.steps[0].report.result.outputs.at(0).data);
  CHECK(output.rows() == 10);
  CHECK(output.cols() == 14);
  CHECK_FALSE(outcome.steps[0].report.implementation.empty());
  CHECK_FALSE(engine.busy());
}

TEST_CASE("a job error becomes a failed signal with the engine's message") {
  application();
  EngineThread engine(session().engine());
  const Outcome outcome = waitFor(engine, [&] {
    engine.runMethod(RunRequest{"magnify", {Stack(1, 4, 4)}, {{"magnification", "1000"}}, std::nullopt});
  });
  REQUIRE(outcome.finished);
  CHECK_FALSE(outcome.succeeded);
  CHECK(outcome.failure.contains("magnification"));
  CHECK(outcome.steps.empty());
}

TEST_CASE("a workflow takes layer data by name and reports every step") {
  application();
  EngineThread engine(session().engine());
  Workflow workflow{".", {{"magnify", {"raw"}, "big.tif", {{"magnification", "2"}}},
                          {"magnify", {"big.tif"}, "bigger.tif", {{"magnification", "2"}}}}};
  const Outcome outcome = waitFor(engine, [&] { engine.runWorkflow(workflow, {{"raw", Data{Stack(1, 3, 3)}}}, false); });
  REQUIRE(outcome.succeeded);
  REQUIRE(outcome.steps.size() == 2);
  CHECK(outcome.steps[1].outputFile == "bigger.tif");
  CHECK(std::get<Stack>(outcome.steps[1].report.result.outputs.at(0).data).rows() == 12);
}

TEST_CASE("destroying the engine thread cancels the running job and returns promptly") {
  application();
  const Stack big = smallSample(400, 96);
  const auto begin = std::chrono::steady_clock::now();
  {
    EngineThread engine(session().engine());
    engine.runMethod(RunRequest{"esrrf", {big}, {{"magnification", "10"}}, std::nullopt});
    QThread::msleep(200);
    CHECK(engine.busy());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  CHECK(seconds < 5);
}
