#pragma once
// A method's panel, generated from its declaration (no form is written by hand for any method):
// a layer picker per stack input, a file picker per table input, a widget per parameter with its
// default, range and help, and where to run it (automatic, a back end, a device or an implementation).
#include <QWidget>
#include <functional>

#include "engine/engine.hpp"

class QFormLayout;

namespace lqs::gui {

class LayerList;

class MethodPanel : public QWidget {
  Q_OBJECT
 public:
  MethodPanel(const Method& method, QWidget* parent = nullptr);

  const MethodSpec& spec() const { return spec_; }
  void setLayerNames(const QStringList& names);
  // The request for the current choices; throws InputError when an input is missing. An input
  // flagged in `shownFrameOnly` is only the frame its layer shows (frame_follower.hpp).
  RunRequest request(const LayerList& layers, const std::vector<bool>& shownFrameOnly = {}) const;
  // Whether the user asked this measure to follow the shown frame (only measures offer it).
  bool followsFrame() const;
  // What request() takes its inputs from: the chosen layer names and table files, in input order.
  std::vector<std::string> inputNames() const;

 signals:
  void runRequested();
  void parametersChanged();
  void followToggled(bool on);

 private:
  MethodSpec spec_;
  std::vector<std::function<void(const QStringList&)>> layerPickers_;
  std::vector<std::function<std::optional<Data>(const LayerList&, bool shownFrameOnly)>> inputs_;
  std::vector<std::function<std::string()>> inputNames_;  // empty text: an optional input left out
  std::vector<std::function<std::string()>> paramTexts_;
  std::function<std::optional<std::string>()> runOn_;  // RunRequest::implementation
  std::function<bool()> followsFrame_;
};

}  // namespace lqs::gui
