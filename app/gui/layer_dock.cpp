#include "app/gui/layer_dock.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

namespace lqs::gui {

namespace {

QDoubleSpinBox* spinBox(double min, double max, double step, int decimals) {
  auto* box = new QDoubleSpinBox;
  box->setRange(min, max);
  box->setSingleStep(step);
  box->setDecimals(decimals);
  box->setKeyboardTracking(false);
  return box;
}

}  // namespace

LayerDock::LayerDock(LayerList& layers, QWidget* parent)
    : QWidget(parent),
      layers_(layers),
      list_(new QListWidget),
      colormap_(new QComboBox),
      low_(spinBox(-1e12, 1e12, 1, 3)),
      high_(spinBox(-1e12, 1e12, 1, 3)),
      gamma_(spinBox(0.05, 10, 0.1, 2)),
      opacity_(spinBox(0, 1, 0.05, 2)),
      blending_(new QComboBox),
      frame_(new QSlider(Qt::Horizontal)),
      frameLabel_(new QLabel),
      values_(new QLabel) {
  auto* layout = new QVBoxLayout(this);
  list_->setDragDropMode(QAbstractItemView::InternalMove);
  list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
  list_->setToolTip("Top layer first. Drag to reorder, double-click to rename, tick to show.");
  layout->addWidget(list_, 1);

  auto* buttons = new QHBoxLayout;
  auto* duplicate = new QPushButton("Duplicate");
  auto* remove = new QPushButton("Delete");
  buttons->addWidget(duplicate);
  buttons->addWidget(remove);
  layout->addLayout(buttons);

  auto* form = new QFormLayout;
  for (const auto& name : Colormap::names()) colormap_->addItem(QString::fromStdString(name));
  blending_->addItems({"translucent", "additive"});
  auto* contrast = new QHBoxLayout;
  auto* autoContrast = new QPushButton("Auto");
  autoContrast->setToolTip("0.5th to 99.5th percentile of the current frame");
  contrast->addWidget(low_);
  contrast->addWidget(high_);
  contrast->addWidget(autoContrast);
  form->addRow("colormap", colormap_);
  form->addRow("contrast", contrast);
  form->addRow("gamma", gamma_);
  form->addRow("opacity", opacity_);
  form->addRow("blending", blending_);
  form->addRow(frameLabel_, frame_);
  layout->addLayout(form);
  values_->setWordWrap(true);
  values_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  layout->addWidget(values_);

  connect(&layers_, &LayerList::changed, this, &LayerDock::rebuildList);
  connect(&layers_, &LayerList::selectionChanged, this, [this](int index) {
    updating_ = true;
    list_->setCurrentRow(index < 0 ? -1 : int(layers_.size()) - 1 - index);
    updating_ = false;
    showSelected();
  });
  connect(list_, &QListWidget::currentRowChanged, this, [this](int row) {
    if (!updating_ && row >= 0) layers_.select(int(layerOfRow(row)));
  });
  connect(list_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
    if (updating_) return;
    const std::size_t index = layerOfRow(list_->row(item));
    ImageLayer& layer = layers_.at(index);
    layer.visible = item->checkState() == Qt::Checked;
    if (item->text().toStdString() != layer.name) layers_.rename(index, item->text().toStdString());
    else layers_.notifyChanged();
  });
  connect(list_->model(), &QAbstractItemModel::rowsMoved, this,
          [this](const QModelIndex&, int from, int, const QModelIndex&, int to) {
            const int target = to > from ? to - 1 : to;  // Qt gives the row before which it lands
            layers_.move(layerOfRow(from), layerOfRow(target));
          },
          Qt::QueuedConnection);  // the list is rebuilt from the model, which must wait until the drop ends
  connect(duplicate, &QPushButton::clicked, this, [this] {
    if (layers_.selected() >= 0) layers_.duplicate(std::size_t(layers_.selected()));
  });
  connect(remove, &QPushButton::clicked, this, [this] {
    if (layers_.selected() >= 0) layers_.remove(std::size_t(layers_.selected()));
  });
  connect(autoContrast, &QPushButton::clicked, this, [this] {
    if (layers_.selected() < 0) return;
    layers_.at(std::size_t(layers_.selected())).autoContrast();
    layers_.notifyChanged();
    showSelected();
  });
  for (auto* box : {low_, high_, gamma_, opacity_})
    connect(box, &QDoubleSpinBox::valueChanged, this, &LayerDock::applyControls);
  for (auto* box : {colormap_, blending_})
    connect(box, &QComboBox::currentIndexChanged, this, &LayerDock::applyControls);
  connect(frame_, &QSlider::valueChanged, this, [this](int frame) {
    frameLabel_->setText(QString("frame %1").arg(frame));
    if (!updating_) layers_.setCurrentFrame(std::size_t(frame));
  });
  rebuildList();
}

void LayerDock::rebuildList() {
  updating_ = true;
  list_->clear();
  for (std::size_t i = layers_.size(); i-- > 0;) {
    const ImageLayer& layer = layers_.at(i);
    auto* item = new QListWidgetItem(QString::fromStdString(layer.name));
    item->setFlags(item->flags() | Qt::ItemIsEditable | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
    item->setCheckState(layer.visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(QString("%1 x %2 x %3, pixel %4 %5%6")
                         .arg(layer.frames()).arg(layer.rows()).arg(layer.cols())
                         .arg(layer.pixelSize().value).arg(QString::fromStdString(layer.pixelSize().unit))
                         .arg(layer.onDisk() ? "; left on disk, only the shown frame is read" : ""));
    list_->addItem(item);
  }
  if (layers_.selected() >= 0) list_->setCurrentRow(int(layers_.size()) - 1 - layers_.selected());
  const int frames = int(std::max<std::size_t>(layers_.maxFrames(), 1));
  frame_->setRange(0, frames - 1);
  frame_->setEnabled(frames > 1);
  frameLabel_->setText(QString("frame %1").arg(frame_->value()));
  updating_ = false;
  showSelected();
}

void LayerDock::showSelected() {
  const bool any = layers_.selected() >= 0;
  for (QWidget* w : std::initializer_list<QWidget*>{colormap_, low_, high_, gamma_, opacity_, blending_})
    w->setEnabled(any);
  values_->setVisible(any && !layers_.at(std::size_t(layers_.selected())).values.empty());
  if (!any) return;
  const ImageLayer& layer = layers_.at(std::size_t(layers_.selected()));
  values_->setText("<b>" + QString::fromStdString(layer.valuesText()).toHtmlEscaped() + "</b>");
  updating_ = true;
  colormap_->setCurrentText(QString::fromStdString(layer.colormap.name()));
  low_->setValue(layer.contrast.low);
  high_->setValue(layer.contrast.high);
  gamma_->setValue(layer.gamma);
  opacity_->setValue(layer.opacity);
  blending_->setCurrentIndex(layer.blending == Blending::Additive ? 1 : 0);
  updating_ = false;
}

void LayerDock::applyControls() {
  if (updating_ || layers_.selected() < 0) return;
  ImageLayer& layer = layers_.at(std::size_t(layers_.selected()));
  layer.colormap = Colormap::named(colormap_->currentText().toStdString());
  layer.contrast = {float(low_->value()), float(high_->value())};
  layer.gamma = float(gamma_->value());
  layer.opacity = float(opacity_->value());
  layer.blending = blending_->currentIndex() == 1 ? Blending::Additive : Blending::Translucent;
  layers_.notifyChanged();
}

}  // namespace lqs::gui
