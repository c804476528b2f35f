#pragma once
// Engine > Liquid Engine: for one method, the run times recorded per implementation against input
// size, the implementation the agent would pick now for the selected layer and why, a "Benchmark
// now" button, and the devices found. It reads the store only while the engine thread is idle.
#include <QWidget>
#include <functional>

#include "app/cli/session.hpp"
#include "engine/benchmark.hpp"

class QChartView;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace lqs::gui {

class EngineView : public QWidget {
  Q_OBJECT
 public:
  // `request(method)`: the method's request on the selected layer; throws with a message to show.
  EngineView(cli::Session& session, std::function<bool()> engineBusy,
             std::function<RunRequest(const std::string& method)> request, QWidget* parent = nullptr);

  void setMethod(const QString& method);
  QString method() const;
  void refresh();  // re-reads the store and asks the agent again
  void showBenchmark(const QString& method, const std::vector<BenchmarkResult>& results);

 signals:
  void benchmarkRequested(const QString& method, int repeat);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void plotRuns(const std::string& method);
  void showPrediction(const std::string& method);

  cli::Session& session_;
  std::function<bool()> engineBusy_;
  std::function<RunRequest(const std::string&)> request_;
  QComboBox* method_;
  QChartView* chart_;
  QLabel* input_;
  QLabel* choice_;
  QLabel* ranking_;
  QLabel* benchmark_;
  QSpinBox* repeat_;
  QPushButton* benchmarkNow_;
};

}  // namespace lqs::gui
