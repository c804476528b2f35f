#pragma once
// The layer list and the selected layer's controls, as napari users expect: top layer first,
// drag to reorder, double-click to rename, tick to show; colormap, contrast, gamma, opacity,
// blending below; a frame slider for stacks.
#include <QWidget>

#include "app/gui/model/layer_list.hpp"

class QListWidget;
class QComboBox;
class QDoubleSpinBox;
class QSlider;
class QLabel;

namespace lqs::gui {

class LayerDock : public QWidget {
  Q_OBJECT
 public:
  explicit LayerDock(LayerList& layers, QWidget* parent = nullptr);

 private:
  void rebuildList();
  void showSelected();
  void applyControls();
  std::size_t layerOfRow(int row) const { return layers_.size() - 1 - std::size_t(row); }

  LayerList& layers_;
  QListWidget* list_;
  QComboBox* colormap_;
  QDoubleSpinBox *low_, *high_, *gamma_, *opacity_;
  QComboBox* blending_;
  QSlider* frame_;
  QLabel* frameLabel_;
  QLabel* values_;  // the selected layer's reported values (RSE, RSP)
  bool updating_ = false;  // true while widgets are set from the model, so they do not write back
};

}  // namespace lqs::gui
