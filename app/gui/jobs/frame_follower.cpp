#include "app/gui/jobs/frame_follower.hpp"

#include "app/gui/method_panel.hpp"
#include "app/gui/model/layer_list.hpp"

namespace lqs::gui {

bool followsShownFrame(const std::string& method) {
  return method == "squirrel" || method == "decorr" || method == "frc" || method == "frc-map";
}

std::vector<bool> followedInputs(const std::string& method, std::size_t given) {
  if (method == "squirrel") return {false, true};
  if (method == "decorr") return {true};
  if (method == "frc" || method == "frc-map") return std::vector<bool>(given, given == 2);
  return std::vector<bool>(given, false);
}

FrameFollower::FrameFollower(Engine& engine, LayerList& layers, QObject* parent)
    : QObject(parent), engine_(engine), thread_(engine), layers_(layers) {
  connect(&layers_, &LayerList::changed, this, [this] { refresh(false); });
  connect(&thread_, &EngineThread::stepFinished, this, [this](const StepResult& step) {
    if (!superseded_) emit updated(step);
  });
  connect(&thread_, &EngineThread::failed, this, [this](const QString& message) {
    if (!superseded_) emit failed(message);
  });
  connect(&thread_, &EngineThread::finished, this, [this](bool) {
    running_ = superseded_ = false;
    startWaiting();
  });
}

void FrameFollower::follow(MethodPanel* panel) {
  stop();
  panel_ = panel;
  parameters_ = connect(panel, &MethodPanel::parametersChanged, this, [this] { refresh(true); });
  refresh(true);
}

void FrameFollower::stop() {
  if (panel_) disconnect(parameters_);
  panel_ = nullptr;
  waiting_.reset();
  shownFrames_.clear();
  if (running_) superseded_ = true, thread_.cancel();
}

void FrameFollower::refresh(bool parametersChanged) {
  if (!panel_) return;
  const std::vector<std::string> names = panel_->inputNames();
  const std::vector<bool> followed = followedInputs(panel_->spec().name, names.size());
  std::vector<std::size_t> shown;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const ImageLayer* layer = layers_.find(names[i]);
    if (!layer) return stop();  // an input layer was removed: nothing left to follow
    shown.push_back(followed[i] ? layer->currentFrame() : 0);
  }
  if (!parametersChanged && shown == shownFrames_) return;  // some other change of the layers
  shownFrames_ = shown;
  try {
    RunRequest request = panel_->request(layers_, followed);
    std::vector<InputOrigin> origins;
    // a frame of a layer: the record names it, with no file to check it against
    for (std::size_t i = 0; i < names.size(); ++i)
      origins.push_back(
          {followed[i] ? names[i] + " (frame " + std::to_string(shown[i]) + ")" : names[i], {}});
    waiting_ = std::move(request);
    waitingOrigins_ = std::move(origins);
  } catch (const std::exception& error) {
    stop();
    emit failed(QString::fromStdString(error.what()));
    return;
  }
  if (running_) {
    superseded_ = true;
    thread_.cancel();
  } else {
    startWaiting();
  }
}

void FrameFollower::startWaiting() {
  if (!waiting_) return;
  running_ = true;
  RunRequest request = std::move(*waiting_);
  waiting_.reset();
  if (!request.implementation) try {
      // ranked untried first, then by predicted time: the first with a prediction is the fastest known
      for (const Prediction& p : engine_.predict(request))
        if (p.seconds > 0 && !p.recentlyFailed) {
          request.implementation = p.implementation;
          break;
        }
    } catch (const std::exception&) {
      // the run itself reports what is wrong with the request
    }
  thread_.runMethod(std::move(request), std::move(waitingOrigins_));
}

}  // namespace lqs::gui
