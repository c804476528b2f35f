// The engine thread and the generated panels, driven without a window (Qt's offscreen platform
// is enough for plain widgets; only the OpenGL canvas needs Xvfb).
#include <QComboBox>
#include <catch2/catch.hpp>
#include <chrono>

#include "app/gui/method_panel.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "engine/implementation_selector.hpp"
#include "gui_test_support.hpp"

using namespace lqs;
using namespace lqs::gui;
using namespace lqs::gui::test;

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
    engine.runMethod(RunRequest{"magnify", {input}, {{"magnification", "2"}}, std::nullopt}, {{"input", {}}});
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
    engine.runMethod(RunRequest{"magnify", {Stack(1, 4, 4)}, {{"magnification", "1000"}}, std::nullopt}, {{"input", {}}});
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
  const Outcome outcome = waitFor(engine, [&] { engine.runWorkflow(workflow, {{"raw", WorkflowLayer{Stack(1, 3, 3), {}}}}, {}); });
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
    engine.runMethod(RunRequest{"esrrf", {big}, {{"magnification", "10"}}, std::nullopt}, {{"big", {}}});
    QThread::msleep(200);
    CHECK(engine.busy());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
  CHECK(seconds < 5);
}

TEST_CASE("a panel names the layers its request takes, leaving out an optional input set to none") {
  application();
  LayerList layers;
  layers.add("raw", Stack(1, 4, 4));
  layers.add("sr", Stack(1, 8, 8));
  MethodPanel panel(session().registry().find("magnify"));
  panel.setLayerNames({"sr", "raw"});
  CHECK(panel.inputNames() == std::vector<std::string>{"sr"});
  for (const Method& method : session().registry().methods()) {
    MethodPanel any(method);
    any.setLayerNames({"sr", "raw"});
    const bool needsTable = std::any_of(method.spec.inputs.begin(), method.spec.inputs.end(),
                                        [](const PortSpec& port) { return port.kind == DataKind::Table && !port.optional; });
    if (needsTable) continue;
    INFO(method.spec.name);
    CHECK(any.inputNames().size() == any.request(layers).inputs.size());
  }
}

TEST_CASE("a panel runs where its run-on picker says: automatic by default, else the chosen form") {
  application();
  LayerList layers;
  layers.add("sample", smallSample(2, 16));
  const Method& magnify = session().registry().find("magnify");
  MethodPanel panel(magnify);
  panel.setLayerNames({"sample"});
  auto* runOn = panel.findChild<QComboBox*>("runOn");
  REQUIRE(runOn != nullptr);
  CHECK_FALSE(panel.request(layers).implementation.has_value());
  REQUIRE(runOn->count() == int(selectorChoices(magnify).size()) + 1);
  runOn->setCurrentText("cpu:tbb");
  CHECK(panel.request(layers).implementation == std::optional<std::string>("cpu:tbb"));
  runOn->setCurrentText("cpu");
  CHECK(panel.request(layers).implementation == std::optional<std::string>("cpu"));
}
