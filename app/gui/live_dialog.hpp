#pragma once
// File > Watch Acquisition…: pick a TIFF being written or a folder receiving TIFFs, and an output;
// the raw frame and the growing reconstruction then appear as the layers "live frame" and "live
// reconstruction" and update after every block (lqs live's reconstruction, docs/live.md). Stop ends
// the run with the output complete; Resume goes on from there.
#include <QDialog>

#include "app/gui/model/layer_list.hpp"
#include "engine/engine.hpp"

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QDoubleSpinBox;

namespace lqs::cli {
struct LiveBlock;
}

namespace lqs::gui {

class LiveResolutionChart;
class LiveRunner;

class LiveDialog : public QDialog {
  Q_OBJECT
 public:
  LiveDialog(QWidget* parent, Engine& engine, LayerList& layers);
  // Fills in the source and output (output empty: beside the source) and starts watching.
  void watch(const QString& source, const QString& output = {});

 signals:
  void blockShown(int block);

 private:
  void chooseSource(bool folder);
  void start();
  void showBlock(const cli::LiveBlock& block);
  void finished(const QString& message);
  void setRunning(bool running);
  void endRun();  // stops and waits: before the window's engine and layers go
  bool eventFilter(QObject* watched, QEvent* event) override;

  Engine& engine_;
  LayerList& layers_;
  LiveRunner* runner_ = nullptr;
  QLineEdit* source_;
  QLineEdit* output_;
  QSpinBox* block_;
  QSpinBox* magnification_;
  QDoubleSpinBox* radius_;
  QSpinBox* idle_;
  QLabel* status_;
  LiveResolutionChart* chart_;
  QPushButton* start_;
  QPushButton* stop_;
  QPushButton* resume_;
};

// Opens the dialog (one per window, kept while the window lives).
LiveDialog* showLiveDialog(QWidget* parent, Engine& engine, LayerList& layers);

}  // namespace lqs::gui
