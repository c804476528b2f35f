// A measure that follows the shown frame: it runs again on the frame the slider shows and on
// parameter changes, the newest request winning. Also measures slider-to-result latency for a 1024²
// SQUIRREL map (recorded, not a pass/fail bound).
#include <QCheckBox>
#include <QComboBox>
#include <QEventLoop>
#include <QSpinBox>
#include <QTimer>
#include <catch2/catch.hpp>
#include <chrono>

#include "app/gui/jobs/frame_follower.hpp"
#include "app/gui/method_panel.hpp"
#include "app/gui/model/layer_list.hpp"
#include "gui_test_support.hpp"

using namespace lqs;
using namespace lqs::gui;
using namespace lqs::gui::test;

namespace {

// Every update the follower signals, and waiting for them.
struct Updates {
  explicit Updates(FrameFollower& follower) {
    QObject::connect(&follower, &FrameFollower::updated, &context,
                     [this](const StepResult& s) { steps.push_back(s); });
    QObject::connect(&follower, &FrameFollower::failed, &context, [this](const QString& m) { failure = m; });
  }
  // Runs the event loop until `count` updates arrived (false after 60 s).
  bool waitFor(std::size_t count) {
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
      if (steps.size() >= count || !failure.isEmpty()) loop.quit();
    });
    poll.start(2);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return steps.size() >= count;
  }
  // Lets queued signals of superseded runs arrive.
  void settle(int ms) {
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
  }
  QObject context;
  std::vector<StepResult> steps;
  QString failure;
};

// `frames` different magnified copies of frames of a sample, and the sample's first frame.
std::pair<Stack, Stack> referenceAndReconstructions(std::size_t size, std::size_t frames,
                                                    std::size_t magnification) {
  const Stack raw = smallSample(frames, size);
  Stack sr(frames, size * magnification, size * magnification);
  for (std::size_t t = 0; t < frames; ++t)
    for (std::size_t r = 0; r < sr.rows(); ++r)
      for (std::size_t c = 0; c < sr.cols(); ++c)
        sr.at(t, r, c) = raw.at(t, r / magnification, c / magnification);
  return {raw.frameRange(0, 1), sr};
}

MethodPanel& followingPanel(MethodPanel& panel,
                            const std::vector<std::pair<std::string, std::string>>& inputs) {
  QStringList names;
  for (const auto& [port, layer] : inputs) names << QString::fromStdString(layer);
  panel.setLayerNames(names);
  for (const auto& [port, layer] : inputs)
    panel.findChild<QComboBox*>(QString::fromStdString("input:" + port))
        ->setCurrentText(QString::fromStdString(layer));
  auto* follow = panel.findChild<QCheckBox*>("followFrame");
  REQUIRE(follow != nullptr);
  follow->setChecked(true);
  REQUIRE(panel.followsFrame());
  return panel;
}

double valueOf(const RunReport& report, const std::string& key) {
  return report.result.values.at(key);
}

RunReport directRun(const std::string& method, std::vector<Data> inputs) {
  return session().engine().run(RunRequest{method, std::move(inputs), {}, std::string("cpu:tbb")}, Job{});
}

}  // namespace

TEST_CASE("only the quality measures offer to follow the shown frame, each following the image it judges") {
  application();
  for (const Method& method : session().registry().methods()) {
    MethodPanel panel(method);
    CHECK((panel.findChild<QCheckBox*>("followFrame") != nullptr) == followsShownFrame(method.spec.name));
  }
  CHECK(followedInputs("squirrel", 2) == std::vector<bool>{false, true});
  CHECK(followedInputs("decorr", 1) == std::vector<bool>{true});
  CHECK(followedInputs("frc", 2) == std::vector<bool>{true, true});
  CHECK(followedInputs("frc-map", 1) == std::vector<bool>{false});
}

TEST_CASE(
    "a followed SQUIRREL map is computed again on the frame the slider shows, the newest move winning") {
  application();
  LayerList layers;
  auto [reference, reconstructions] = referenceAndReconstructions(256, 3, 4);  // 1024² maps
  layers.add("raw", reference);
  layers.add("sr", reconstructions);
  MethodPanel panel(session().registry().find("squirrel"));
  followingPanel(panel, {{"reference", "raw"}, {"super_resolved", "sr"}});
  std::vector<double> rse;
  for (std::size_t t = 0; t < 3; ++t)
    rse.push_back(valueOf(directRun("squirrel", {reference, reconstructions.frameRange(t, 1)}), "rse"));
  REQUIRE(rse[0] != rse[2]);

  FrameFollower follower(session().engine(), layers);
  Updates updates(follower);
  follower.follow(&panel);
  REQUIRE(updates.waitFor(1));
  CHECK(valueOf(updates.steps.back().report, "rse") == Approx(rse[0]).epsilon(1e-9));
  CHECK(std::get<Stack>(updates.steps.back().report.result.outputs.at(0).data).frames() == 1);

  const auto moved = std::chrono::steady_clock::now();
  layers.setCurrentFrame(2);
  REQUIRE(updates.waitFor(2));
  const double latency = std::chrono::duration<double>(std::chrono::steady_clock::now() - moved).count();
  WARN("slider move to the updated 1024x1024 SQUIRREL map (result on the GUI thread): "
       << latency << " s on " << updates.steps.back().report.implementation);
  CHECK(valueOf(updates.steps.back().report, "rse") == Approx(rse[2]).epsilon(1e-9));

  // three moves in a row: a run already going is cancelled, only the last frame's result counts
  layers.setCurrentFrame(0);
  layers.setCurrentFrame(1);
  layers.setCurrentFrame(0);
  updates.waitFor(3);
  updates.settle(1500);
  CHECK(updates.failure.isEmpty());
  CHECK(valueOf(updates.steps.back().report, "rse") == Approx(rse[0]).epsilon(1e-9));
  CHECK(updates.steps.size() <= 5);

  // another layer change that moves no followed frame runs nothing
  const std::size_t before = updates.steps.size();
  layers.add("unrelated", Stack(1, 8, 8));
  updates.settle(300);
  CHECK(updates.steps.size() == before);
}

TEST_CASE("a followed decorrelation runs again when a parameter changes, and stops with its input layer") {
  application();
  LayerList layers;
  layers.add("sr", referenceAndReconstructions(64, 2, 2).second);
  MethodPanel panel(session().registry().find("decorr"));
  followingPanel(panel, {{"image", "sr"}});
  FrameFollower follower(session().engine(), layers);
  Updates updates(follower);
  follower.follow(&panel);
  REQUIRE(updates.waitFor(1));
  auto* radii = panel.findChild<QSpinBox*>("n_r");
  REQUIRE(radii != nullptr);
  radii->setValue(30);
  REQUIRE(updates.waitFor(2));
  const Table& curves = std::get<Table>(updates.steps.back().report.result.outputs.at(0).data);
  CHECK(curves.rows.size() == 30);

  layers.remove(0);
  updates.settle(300);
  CHECK(follower.panel() == nullptr);
  CHECK(updates.steps.size() == 2);
}
