#include "app/gui/live_dialog.hpp"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>

#include "app/gui/live_resolution_chart.hpp"
#include "app/gui/live_runner.hpp"

namespace lqs::gui {

namespace {

// Shows `image` in the layer called `name`, keeping how the user set it to be drawn; adds it the
// first time (or after the user removed it).
void showInLayer(LayerList& layers, const std::string& name, std::shared_ptr<const Stack> image, const char* colormap) {
  for (std::size_t i = 0; i < layers.size(); ++i) {
    ImageLayer& layer = layers.at(i);
    if (layer.name != name) continue;
    ImageLayer updated(name, std::move(image));  // contrast follows the new image
    updated.colormap = layer.colormap;
    updated.gamma = layer.gamma;
    updated.opacity = layer.opacity;
    updated.blending = layer.blending;
    updated.visible = layer.visible;
    layer = std::move(updated);
    layers.notifyChanged();
    return;
  }
  auto layer = std::make_unique<ImageLayer>(name, std::move(image));
  layer->colormap = Colormap::named(colormap);
  layers.add(std::move(layer));
}

QString besideSource(const QString& source) {
  const QFileInfo info(source);
  return info.absolutePath() + "/" + (info.isDir() ? info.fileName() : info.completeBaseName()) + "_live.tif";
}

}  // namespace

LiveDialog::LiveDialog(QWidget* parent, Engine& engine, LayerList& layers)
    : QDialog(parent), engine_(engine), layers_(layers), source_(new QLineEdit), output_(new QLineEdit),
      block_(new QSpinBox), magnification_(new QSpinBox), radius_(new QDoubleSpinBox), idle_(new QSpinBox),
      status_(new QLabel("Pick the TIFF being written, or the folder frames arrive in.")),
      chart_(new LiveResolutionChart),
      start_(new QPushButton("Start")), stop_(new QPushButton("Stop")), resume_(new QPushButton("Resume")) {
  setWindowTitle("Watch Acquisition");
  auto* form = new QFormLayout(this);
  auto* sourceRow = new QHBoxLayout;
  auto* file = new QPushButton("File…");
  auto* folder = new QPushButton("Folder…");
  sourceRow->addWidget(source_, 1);
  sourceRow->addWidget(file);
  sourceRow->addWidget(folder);
  form->addRow("source", sourceRow);
  form->addRow("output", output_);
  block_->setRange(1, 100000);
  block_->setValue(50);
  block_->setToolTip("frames per eSRRF block: smaller shows results sooner, larger costs fewer engine calls");
  form->addRow("block (frames)", block_);
  magnification_->setRange(1, 20);
  magnification_->setValue(5);
  form->addRow("magnification", magnification_);
  radius_->setRange(0.1, 10);
  radius_->setValue(1.5);
  form->addRow("radius", radius_);
  idle_->setRange(1, 86400);
  idle_->setValue(60);
  idle_->setSuffix(" s");
  idle_->setToolTip("ends by itself once no frame has arrived for this long");
  form->addRow("stop when idle for", idle_);
  status_->setWordWrap(true);
  form->addRow(status_);
  form->addRow(chart_);
  auto* buttons = new QDialogButtonBox;
  buttons->addButton(start_, QDialogButtonBox::ActionRole);
  buttons->addButton(stop_, QDialogButtonBox::ActionRole);
  buttons->addButton(resume_, QDialogButtonBox::ActionRole);
  buttons->addButton(QDialogButtonBox::Close);
  form->addRow(buttons);
  stop_->setEnabled(false);
  resume_->setEnabled(false);

  connect(file, &QPushButton::clicked, this, [this] { chooseSource(false); });
  connect(folder, &QPushButton::clicked, this, [this] { chooseSource(true); });
  connect(start_, &QPushButton::clicked, this, &LiveDialog::start);
  connect(stop_, &QPushButton::clicked, this, [this] {
    if (runner_) runner_->stop();
    stop_->setEnabled(false);
    status_->setText(status_->text() + "\nStopping after the frames already read…");
  });
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (!runner_) return;
    runner_->start();
    setRunning(true);
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
  // The run uses the window's engine and layers, which go before the window's children do.
  parent->installEventFilter(this);
  connect(qApp, &QCoreApplication::aboutToQuit, this, &LiveDialog::endRun);
}

bool LiveDialog::eventFilter(QObject* watched, QEvent* event) {
  if (event->type() == QEvent::Close) endRun();
  return QDialog::eventFilter(watched, event);
}

void LiveDialog::endRun() {
  delete runner_;  // stops after the frames already read and waits for the thread
  runner_ = nullptr;
}

void LiveDialog::chooseSource(bool folder) {
  const QString chosen = folder ? QFileDialog::getExistingDirectory(this, "Folder receiving frames")
                                : QFileDialog::getOpenFileName(this, "TIFF being written", {}, "TIFF (*.tif *.tiff)");
  if (chosen.isEmpty()) return;
  source_->setText(chosen);
  output_->setText(besideSource(chosen));
}

void LiveDialog::watch(const QString& source, const QString& output) {
  source_->setText(source);
  output_->setText(output.isEmpty() ? besideSource(source) : output);
  start();
}

void LiveDialog::start() {
  if (source_->text().isEmpty() || output_->text().isEmpty()) return;
  cli::LiveSettings settings;
  settings.block = std::size_t(block_->value());
  settings.idleSeconds = idle_->value();
  settings.resolution = true;
  settings.params = {{"magnification", std::to_string(magnification_->value())},
                     {"radius", QString::number(radius_->value()).toStdString()}};
  try {
    delete runner_;
    runner_ = new LiveRunner(engine_, settings, source_->text().toStdString(), output_->text().toStdString(), this);
  } catch (const std::exception& error) {
    runner_ = nullptr;
    QMessageBox::warning(this, "Cannot watch " + source_->text(), error.what());
    return;
  }
  chart_->clear();
  connect(runner_, &LiveRunner::blockDone, this, &LiveDialog::showBlock);
  connect(runner_, &LiveRunner::ended, this, &LiveDialog::finished);
  runner_->start();
  setRunning(true);
  status_->setText("Waiting for frames in " + source_->text() + "…");
}

void LiveDialog::showBlock(const cli::LiveBlock& block) {
  showInLayer(layers_, "live frame", block.lastFrame, "gray");
  showInLayer(layers_, "live reconstruction", block.reconstruction, "magma");
  status_->setText(QString("Block %1: %2 frames so far, on %3 at %4 frames/s; lag mean %5 s, max %6 s")
                       .arg(block.index)
                       .arg(block.framesSoFar)
                       .arg(QString::fromStdString(block.implementation))
                       .arg(block.framesPerSecond, 0, 'f', 0)
                       .arg(block.meanLag, 0, 'f', 3)
                       .arg(block.maxLag, 0, 'f', 3));
  if (block.resolution)
    chart_->add(double(block.framesSoFar), *block.resolution, QString::fromStdString(block.resolutionUnit));
  emit blockShown(int(block.index));
}

void LiveDialog::finished(const QString& message) {
  setRunning(false);
  status_->setText(message + "\nWritten: " + output_->text());
}

void LiveDialog::setRunning(bool running) {
  for (QWidget* input : std::initializer_list<QWidget*>{source_, output_, block_, magnification_, radius_, idle_, start_})
    input->setEnabled(!running);
  stop_->setEnabled(running);
  resume_->setEnabled(!running && runner_);
}

LiveDialog* showLiveDialog(QWidget* parent, Engine& engine, LayerList& layers) {
  auto* dialog = parent->findChild<LiveDialog*>();
  if (!dialog) {
    dialog = new LiveDialog(parent, engine, layers);
    dialog->adjustSize();
    // beside the window when the screen has room, so the canvas stays in view
    const QRect frame = parent->frameGeometry();
    if (parent->screen() && frame.right() + dialog->width() < parent->screen()->availableGeometry().right())
      dialog->move(frame.right() + 1, frame.top());
  }
  dialog->show();
  dialog->raise();
  return dialog;
}

}  // namespace lqs::gui
