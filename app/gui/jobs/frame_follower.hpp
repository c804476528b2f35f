#pragma once
// A quality measure that follows the viewer: run from its panel with "Follow the shown frame", it
// runs again whenever an input layer it follows shows another frame or a parameter changes, on an
// engine thread of its own. The newest request wins: a running one is cancelled and of several
// waiting only the last runs, so the map follows the slider instead of queueing behind it. Left to
// choose, the agent would try every untried implementation first; a followed measure runs on the
// fastest one it already knows instead, so the user never waits for its learning in the middle of
// a slider move (the first run, with nothing known, lets it choose).
#include <QObject>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/engine_thread.hpp"

namespace lqs::gui {

class LayerList;
class MethodPanel;

// The measures judged frame by frame (their panels offer to follow the shown frame).
bool followsShownFrame(const std::string& method);

// Which of the measure's `given` inputs follow the shown frame: the image it judges. squirrel's
// reference stays whole (it is averaged over time); frc and frc-map follow only with two images
// (one stack is split into its even and odd frames).
std::vector<bool> followedInputs(const std::string& method, std::size_t given);

class FrameFollower : public QObject {
  Q_OBJECT
 public:
  FrameFollower(Engine& engine, LayerList& layers, QObject* parent = nullptr);

  // Follows `panel` (instead of any earlier one) and runs it now; a request the panel cannot make
  // (a missing layer) is a failed signal and ends the following.
  void follow(MethodPanel* panel);
  void stop();
  const MethodPanel* panel() const { return panel_; }

 signals:
  void updated(const lqs::gui::StepResult& step);  // a result for the newest request
  void failed(const QString& message);             // the newest request failed (not a superseded one)

 private:
  void refresh(bool parametersChanged);
  void startWaiting();

  Engine& engine_;
  EngineThread thread_;
  LayerList& layers_;
  MethodPanel* panel_ = nullptr;
  QMetaObject::Connection parameters_;
  std::vector<std::size_t> shownFrames_;  // of the followed inputs, at the last request
  std::optional<RunRequest> waiting_;
  std::vector<InputOrigin> waitingOrigins_;
  bool running_ = false, superseded_ = false;
};

}  // namespace lqs::gui
