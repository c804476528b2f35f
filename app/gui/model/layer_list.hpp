#pragma once
// The ordered layers of the viewer (index 0 is drawn first, at the bottom) and the selection.
// A Qt object only for its signals: the canvas and the docks observe it, tests drive it directly.
#include <QObject>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/gui/model/image_layer.hpp"

namespace lqs::gui {

struct LayerValue {
  std::string layer;
  float value;
};

class LayerList : public QObject {
  Q_OBJECT
 public:
  std::size_t size() const { return layers_.size(); }
  bool empty() const { return layers_.empty(); }
  ImageLayer& at(std::size_t index) { return *layers_.at(index); }
  const ImageLayer& at(std::size_t index) const { return *layers_.at(index); }
  // The layer with this name, or nullptr.
  const ImageLayer* find(const std::string& name) const;

  // Adds on top and selects it; a taken name gets a suffix (" [2]"). Returns the index.
  std::size_t add(std::unique_ptr<ImageLayer> layer);
  std::size_t add(const std::string& name, Stack stack);
  void remove(std::size_t index);
  // New pixels for the layer at `index` (a recomputed result): its name, display settings and frame
  // stay; values and provenance come from `layer`.
  void replacePixels(std::size_t index, std::unique_ptr<ImageLayer> layer);
  // The index of the layer with this name, if any.
  std::optional<std::size_t> indexOf(const std::string& name) const;
  std::size_t duplicate(std::size_t index);  // the copy shares the pixels, not the display settings
  void move(std::size_t from, std::size_t to);
  void rename(std::size_t index, const std::string& name);  // made unique like add()

  int selected() const { return selected_; }  // -1 when empty
  void select(int index);

  // The current frame of every stack (napari's dims slider): clamped per layer.
  void setCurrentFrame(std::size_t frame);
  std::size_t maxFrames() const;

  // Values under physical position (x right, y down), top layer first, visible layers only.
  std::vector<LayerValue> valuesAt(double x, double y) const;
  // Physical width and height covered by the visible layers.
  double width() const;
  double height() const;

  // Call after changing a layer's display properties in place.
  void notifyChanged() { emit changed(); }

 signals:
  void changed();           // anything: layers, order, display properties, frames
  void selectionChanged(int index);

 private:
  std::string uniqueName(const std::string& wanted, const ImageLayer* except) const;
  std::vector<std::unique_ptr<ImageLayer>> layers_;
  int selected_ = -1;
};

}  // namespace lqs::gui
