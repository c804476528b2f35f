// A layer made in the GUI and saved with Save layer carries the record `lqs run` writes: the run goes
// through the panel, the engine thread and resultLayer as in the window, the file is checked with
// readProvenance and with the `lqs provenance` / `lqs rerun` commands.
#include <QDoubleSpinBox>
#include <catch2/catch.hpp>

#include "app/cli/provenance.hpp"
#include "app/gui/jobs/result_layer.hpp"
#include "app/gui/method_panel.hpp"
#include "app/gui/model/layer_list.hpp"
#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "gui_test_support.hpp"
#include "tests/support/test_support.hpp"
#include "tests/app/cli/run_lqs.hpp"

using namespace lqs;
using namespace lqs::gui;
using namespace lqs::gui::test;
namespace fs = std::filesystem;

namespace {

// The layer the window adds for output 0 of a panel run of magnify (x3) on the layer `input`.
std::unique_ptr<ImageLayer> magnifyFromPanel(EngineThread& engine, const LayerList& layers, const std::string& input,
                                             RunRequest& request) {
  MethodPanel panel(session().registry().find("magnify"));
  panel.setLayerNames({QString::fromStdString(input)});
  panel.findChild<QDoubleSpinBox*>()->setValue(3);
  request = panel.request(layers);
  std::vector<InputOrigin> origins;
  for (const auto& name : panel.inputNames()) origins.push_back(originOf(layers, name));
  const Outcome outcome = waitFor(engine, [&] { engine.runMethod(request, origins); });
  REQUIRE(outcome.succeeded);
  REQUIRE(outcome.steps.size() == 1);
  return resultLayer(outcome.steps[0], 0, "magnify");
}

// sha256sum's answer, independent of the code under test.
std::string sha256sum(const fs::path& file) { return lqs::test::runShell("sha256sum '" + file.string() + "'").out.substr(0, 64); }

}  // namespace

TEST_CASE("a result layer saved from the GUI carries the run's record: method, parameters, implementation, input file") {
  application();
  lqs::test::TempDir dir;
  const Stack raw = smallSample(2, 8);
  writeTiff(raw, dir / "raw.tif");
  LayerList layers;
  layers.add(std::move(ImageLayer::open("raw", dir / "raw.tif").front()));
  EngineThread engine(session().engine());
  RunRequest request;
  auto result = magnifyFromPanel(engine, layers, "raw", request);
  CHECK(result->source.empty());  // computed, not saved yet

  fs::create_directories(dir / "results");
  const fs::path saved = dir / "results" / "magnify.tif";
  saveLayer(*result, saved);
  CHECK(result->source == saved);

  const cli::Provenance record = cli::readProvenance(saved);
  CHECK(record.method == "magnify");
  CHECK(record.output == "image");
  CHECK(record.parameters.at("magnification") == "3");
  CHECK(record.parameters == request.params);  // every parameter, as the panel gave it
  CHECK_FALSE(record.implementation.empty());
  CHECK(record.device.count("backend") == 1);
  REQUIRE(record.inputs.size() == 1);
  CHECK(record.inputs[0].path == (dir / "raw.tif").string());
  CHECK(record.inputs[0].file == "../raw.tif");  // relative to the saved file, as lqs run writes it
  CHECK(record.inputs[0].sha256 == sha256sum(dir / "raw.tif"));
  const Stack pixels = readTiff(saved);
  CHECK(pixels.rows() == 24);
  CHECK(lqs::test::maxAbsDifference(pixels, *result->stack()) == 0);

  SECTION("lqs rerun repeats it from the saved file") {
    const auto rerun = lqs::test::runLqs("rerun '" + saved.string() + "'", true);
    CHECK(rerun.code == 0);
    CHECK(lqs::test::maxAbsDifference(readTiff(dir / "results" / "magnify_rerun.tif"), pixels) < 1e-4);
  }
  SECTION("the saved file opened again keeps its record, and saving it elsewhere names the input from there") {
    auto reopened = std::move(ImageLayer::open("magnify", saved).front());
    CHECK(reopened->source == saved);
    CHECK(cli::provenanceFromJson(reopened->provenance, "reopened").method == "magnify");
    saveLayer(*reopened, dir / "copy.tif");
    const cli::Provenance copied = cli::readProvenance(dir / "copy.tif");
    CHECK(copied.created == record.created);  // the same record, not a new run
    CHECK(copied.output == "image");
    REQUIRE(copied.inputs.size() == 1);
    CHECK(copied.inputs[0].file == "raw.tif");
    CHECK(copied.inputs[0].sha256 == record.inputs[0].sha256);
  }
}

TEST_CASE("a result computed from an unsaved layer names that layer, and lqs rerun stops on it with exit 3") {
  application();
  lqs::test::TempDir dir;
  LayerList layers;
  layers.add("sample", smallSample(2, 8));  // never saved
  EngineThread engine(session().engine());
  RunRequest request;
  auto result = magnifyFromPanel(engine, layers, "sample", request);
  saveLayer(*result, dir / "magnify.tif");

  const cli::Provenance record = cli::readProvenance(dir / "magnify.tif");
  CHECK(record.method == "magnify");
  REQUIRE(record.inputs.size() == 1);
  CHECK(record.inputs[0].path == "unsaved LiquidScope layer \"sample\"");
  CHECK(record.inputs[0].sha256.empty());

  const auto shown = lqs::test::runLqs("provenance '" + (dir / "magnify.tif").string() + "'");
  CHECK(shown.code == 0);
  CHECK(shown.out.find("unsaved LiquidScope layer") != std::string::npos);
  const auto rerun = lqs::test::runLqs("rerun '" + (dir / "magnify.tif").string() + "'", true);
  CHECK(rerun.code == 3);
  CHECK(rerun.out.find("unsaved LiquidScope layer \"sample\"") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "magnify_rerun.tif"));
}

TEST_CASE("a layer without a record (the sample) saves as before, with no record") {
  application();
  lqs::test::TempDir dir;
  LayerList layers;
  layers.add("sample", smallSample(3, 8));
  saveLayer(layers.at(0), dir / "sample.tif");
  CHECK(readTiffInfo(dir / "sample.tif").provenance.empty());
  CHECK_THROWS_AS(cli::readProvenance(dir / "sample.tif"), InputError);
  CHECK(lqs::test::maxAbsDifference(readTiff(dir / "sample.tif"), *layers.at(0).stack()) == 0);
}

TEST_CASE("workflow steps run from the GUI name a layer's file, an unsaved earlier output, or the file written for it") {
  application();
  lqs::test::TempDir dir;
  writeTiff(Stack(1, 3, 3), dir / "raw.tif");
  const Workflow workflow{dir.path(), {{"magnify", {"raw"}, "big.tif", {{"magnification", "2"}}},
                                      {"magnify", {"big.tif"}, "bigger.tif", {{"magnification", "2"}}}}};
  const auto run = [&](const fs::path& workflowFile) {
    EngineThread engine(session().engine());
    const Outcome outcome = waitFor(engine, [&] {
      engine.runWorkflow(workflow, {{"raw", WorkflowLayer{Stack(1, 3, 3), dir / "raw.tif"}}}, workflowFile);
    });
    REQUIRE(outcome.succeeded);
    REQUIRE(outcome.steps.size() == 2);
    REQUIRE(outcome.steps[0].record.inputs.size() == 1);
    CHECK(outcome.steps[0].record.inputs[0].sha256 == sha256sum(dir / "raw.tif"));
    CHECK(outcome.steps[1].record.parameters.at("interpolation") ==
          session().registry().find("magnify").spec.params.at(1).defaultValue);  // defaults recorded too
    REQUIRE(outcome.steps[1].record.inputs.size() == 1);
    return outcome.steps[1].record.inputs[0];
  };
  SECTION("kept as layers") {
    CHECK(run({}).path == "unsaved LiquidScope layer \"big\"");
    CHECK_FALSE(fs::exists(dir / "big.tif"));
  }
  SECTION("written next to the workflow, with their records") {
    const cli::InputRecord big = run(dir / "flow.json");
    CHECK(big.sha256 == sha256sum(dir / "big.tif"));
    const cli::Provenance written = cli::readProvenance(dir / "bigger.tif");
    CHECK(written.workflow == (dir / "flow.json").string());
    REQUIRE(written.inputs.size() == 1);
    CHECK(written.inputs[0].path == (dir / "big.tif").string());
  }
}

TEST_CASE("Save layer refuses the file another layer, or a raw layer itself, was read from") {
  application();
  lqs::test::TempDir dir;
  writeTiff(smallSample(2, 8), dir / "raw.tif");
  fs::create_symlink(dir / "raw.tif", dir / "link.tif");
  LayerList layers;
  layers.add(std::move(ImageLayer::open("raw", dir / "raw.tif").front()));
  ImageLayer& raw = layers.at(0);
  const auto before = fs::last_write_time(dir / "raw.tif");
  EngineThread engine(session().engine());
  RunRequest request;
  layers.add(magnifyFromPanel(engine, layers, "raw", request));
  ImageLayer& result = layers.at(1);
  for (const char* name : {"raw.tif", "link.tif"}) {
    INFO(name);
    CHECK_THROWS_AS(refuseSavingOverSources(layers, result, dir / name), ParameterError);
    CHECK_THROWS_AS(refuseSavingOverSources(layers, raw, dir / name), ParameterError);
  }
  CHECK(fs::last_write_time(dir / "raw.tif") == before);
  CHECK_NOTHROW(refuseSavingOverSources(layers, result, dir / "sr.tif"));
  saveLayer(result, dir / "sr.tif");
  CHECK_NOTHROW(refuseSavingOverSources(layers, result, dir / "sr.tif"));  // a result saved again
}
