#include "app/gui/engine_view.hpp"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "app/gui/jobs/run_summary.hpp"

namespace lqs::gui {

namespace {

QString deviceLine(const Device& device) {
  QString line = QString("<b>%1</b>: %2").arg(QString::fromStdString(backendName(device.backend)),
                                             QString::fromStdString(device.name).toHtmlEscaped());
  QStringList details;
  if (!device.vendor.empty()) details << QString::fromStdString(device.vendor).toHtmlEscaped();
  if (!device.driver.empty()) details << QString::fromStdString(device.driver).toHtmlEscaped();
  if (device.memoryBytes) details << QString("%1 MiB").arg(device.memoryBytes / (1024 * 1024));
  return details.isEmpty() ? line : line + " (" + details.join(", ") + ")";
}

QLogValueAxis* logAxis(const QString& title) {
  auto* axis = new QLogValueAxis;
  axis->setTitleText(title);
  axis->setLabelFormat("%.2g");
  axis->setBase(10);
  axis->setMinorTickCount(-1);
  return axis;
}

}  // namespace

EngineView::EngineView(cli::Session& session, std::function<bool()> engineBusy,
                       std::function<RunRequest(const std::string&)> request, QWidget* parent)
    : QWidget(parent),
      session_(session),
      engineBusy_(std::move(engineBusy)),
      request_(std::move(request)),
      method_(new QComboBox),
      chart_(new QChartView),
      input_(new QLabel),
      choice_(new QLabel),
      ranking_(new QLabel),
      benchmark_(new QLabel),
      repeat_(new QSpinBox),
      benchmarkNow_(new QPushButton("Benchmark now")) {
  // Wide and short, for the bottom dock: the plot on the left, the agent and the devices beside it.
  auto* columns = new QHBoxLayout(this);
  chart_->setRenderHint(QPainter::Antialiasing);
  chart_->setMinimumSize(380, 220);
  columns->addWidget(chart_, 3);
  auto* layout = new QVBoxLayout;
  columns->addLayout(layout, 2);
  auto* top = new QHBoxLayout;
  for (const Method& method : session_.registry().methods()) method_->addItem(QString::fromStdString(method.spec.name));
  top->addWidget(new QLabel("Method"));
  top->addWidget(method_, 1);
  layout->addLayout(top);

  input_->setWordWrap(true);
  input_->setTextFormat(Qt::PlainText);
  choice_->setWordWrap(true);
  choice_->setTextFormat(Qt::RichText);
  layout->addWidget(input_);
  layout->addWidget(choice_);
  ranking_->setWordWrap(true);
  ranking_->setTextFormat(Qt::RichText);
  ranking_->setToolTip("The agent's ranking for this input, first = the one it would run now");
  layout->addWidget(ranking_);
  layout->addStretch(1);

  auto* benchRow = new QHBoxLayout;
  repeat_->setRange(1, 50);
  repeat_->setValue(3);
  repeat_->setPrefix("runs each: ");
  benchmarkNow_->setToolTip("Run every implementation on the selected layer through the engine thread (like lqs bench); "
                            "every run is recorded");
  benchRow->addWidget(repeat_);
  benchRow->addWidget(benchmarkNow_, 1);
  layout->addLayout(benchRow);
  benchmark_->setWordWrap(true);
  benchmark_->setTextFormat(Qt::RichText);
  layout->addWidget(benchmark_);

  QStringList devices;
  for (const Device& device : session_.devices()) devices << deviceLine(device);
  auto* deviceLabel = new QLabel("<b>Devices found</b><br>" + devices.join("<br>"));
  deviceLabel->setWordWrap(true);
  deviceLabel->setTextFormat(Qt::RichText);
  deviceLabel->setAlignment(Qt::AlignTop);
  deviceLabel->setMaximumWidth(260);
  columns->addWidget(deviceLabel, 1);

  connect(method_, &QComboBox::currentTextChanged, this, [this] { refresh(); });
  connect(benchmarkNow_, &QPushButton::clicked, this, [this] { emit benchmarkRequested(method(), repeat_->value()); });
}

void EngineView::setMethod(const QString& name) { method_->setCurrentText(name); }

QString EngineView::method() const { return method_->currentText(); }

void EngineView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  refresh();
}

void EngineView::refresh() {
  if (!isVisible() || method_->currentText().isEmpty()) return;
  const bool busy = engineBusy_();
  benchmarkNow_->setEnabled(!busy);
  if (busy) {
    input_->setText("A job is running: this view refreshes when it ends.");
    return;
  }
  const std::string name = method_->currentText().toStdString();
  plotRuns(name);
  showPrediction(name);
}

void EngineView::plotRuns(const std::string& method) {
  const std::vector<ImplementationRuns> grouped = groupRuns(session_.store().runsOf(method));
  auto* chart = new QChart;
  chart->setMargins(QMargins(4, 4, 4, 4));
  chart->legend()->setAlignment(Qt::AlignRight);
  std::size_t total = 0;
  double xMin = INFINITY, xMax = 0, yMin = INFINITY, yMax = 0;
  for (const auto& series : grouped)
    for (const auto& point : series.points) {
      total += point.runs + point.failures;
      if (point.runs == 0) continue;
      xMin = std::min(xMin, point.size), xMax = std::max(xMax, point.size);
      yMin = std::min(yMin, point.medianSeconds), yMax = std::max(yMax, point.medianSeconds);
    }
  chart->setTitle(QString("%1: median run time per implementation (%2 runs recorded)")
                      .arg(QString::fromStdString(method))
                      .arg(total));
  if (std::isfinite(xMin)) {
    auto* xAxis = logAxis("input size (the agent's score)");
    auto* yAxis = logAxis("seconds");
    chart->addAxis(xAxis, Qt::AlignBottom);
    chart->addAxis(yAxis, Qt::AlignLeft);
    for (const auto& series : grouped) {
      auto* line = new QLineSeries;
      auto* dots = new QScatterSeries;
      dots->setMarkerSize(8);
      line->setName(QString::fromStdString(series.implementation));
      for (const auto& point : series.points) {
        if (point.runs == 0) continue;
        line->append(point.size, point.medianSeconds);
        dots->append(point.size, point.medianSeconds);
      }
      chart->addSeries(line);
      chart->addSeries(dots);
      dots->setColor(line->color());
      for (auto* s : std::initializer_list<QAbstractSeries*>{line, dots}) s->attachAxis(xAxis), s->attachAxis(yAxis);
      chart->legend()->markers(dots).front()->setVisible(false);
    }
    // Log axes need a range around single points.
    xAxis->setRange(xMin / 2, xMax * 2);
    yAxis->setRange(yMin / 2, yMax * 2);
  }
  QChart* old = chart_->chart();
  chart_->setChart(chart);
  delete old;
}

void EngineView::showPrediction(const std::string& method) {
  ranking_->clear();
  RunRequest request;
  std::vector<Prediction> ranking;
  try {
    request = request_(method);
    ranking = session_.engine().predict(request);
  } catch (const std::exception& error) {
    input_->setText("No prediction: " + QString(error.what()));
    choice_->clear();
    benchmarkNow_->setEnabled(false);
    return;
  }
  QStringList shapes;
  for (const Data& data : request.inputs)
    if (const auto* stack = std::get_if<Stack>(&data))
      shapes << QString("%1 × %2 × %3").arg(stack->frames()).arg(stack->rows()).arg(stack->cols());
  input_->setText("For the input " + shapes.join(", ") + " with the method panel's parameters:");
  choice_->setText("<b>The agent would run now:</b> " + QString::fromStdString(explainChoice(ranking)).toHtmlEscaped());
  QString lines;
  for (std::size_t i = 0; i < ranking.size(); ++i)
    lines += QString("%1. %2: %3<br>").arg(i + 1).arg(QString::fromStdString(ranking[i].implementation).toHtmlEscaped(),
                                                     QString::fromStdString(describePrediction(ranking[i])).toHtmlEscaped());
  ranking_->setText("<i>Ranking</i><br>" + lines);
}

void EngineView::showBenchmark(const QString& method, const std::vector<BenchmarkResult>& results) {
  QStringList lines;
  for (const auto& result : results)
    lines << (result.runs.empty()
                  ? QString("%1: failed (%2)").arg(QString::fromStdString(result.implementation),
                                                  QString::fromStdString(result.error).toHtmlEscaped())
                  : QString("%1: median %2 s over %3 runs")
                        .arg(QString::fromStdString(result.implementation))
                        .arg(result.median(), 0, 'g', 4)
                        .arg(result.runs.size()));
  benchmark_->setText("<b>Benchmark of " + method + "</b><br>" + lines.join("<br>"));
  setMethod(method);
  refresh();
}

}  // namespace lqs::gui
