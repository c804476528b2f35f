#include "app/gui/plot_view.hpp"

#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace lqs::gui {

PlotView::PlotView(QWidget* parent) : QWidget(parent), tabs_(new QTabWidget) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(tabs_);
  auto* hint = new QLabel("Curves from methods appear here (frc, drift-estimate, ...)");
  hint->setAlignment(Qt::AlignCenter);
  tabs_->addTab(hint, "plots");
  tabs_->setDocumentMode(true);
  setMinimumHeight(220);
}

void PlotView::show(const QString& title, const Table& table, double marker, bool raise) {
  auto* chart = new QChart;
  chart->setTitle(title);
  chart->legend()->setAlignment(Qt::AlignRight);
  chart->setMargins(QMargins(4, 4, 4, 4));
  auto* xAxis = new QValueAxis;
  auto* yAxis = new QValueAxis;
  xAxis->setTitleText(table.columns.empty() ? QString() : QString::fromStdString(table.columns.front()));
  xAxis->setLabelFormat("%.3g");
  yAxis->setLabelFormat("%.2g");
  xAxis->setTickCount(6);
  chart->addAxis(xAxis, Qt::AlignBottom);
  chart->addAxis(yAxis, Qt::AlignLeft);
  double xMin = INFINITY, xMax = -INFINITY, yMin = INFINITY, yMax = -INFINITY;
  for (std::size_t column = 1; column < table.columns.size(); ++column) {
    auto* series = new QLineSeries;
    series->setName(QString::fromStdString(table.columns[column]));
    for (const auto& row : table.rows) {
      if (!std::isfinite(row[0]) || !std::isfinite(row[column])) continue;
      series->append(row[0], row[column]);
      xMin = std::min(xMin, row[0]), xMax = std::max(xMax, row[0]);
      yMin = std::min(yMin, row[column]), yMax = std::max(yMax, row[column]);
    }
    chart->addSeries(series);
    series->attachAxis(xAxis);
    series->attachAxis(yAxis);
  }
  if (std::isfinite(marker) && std::isfinite(yMin)) {
    auto* line = new QLineSeries;
    line->setName(QString("resolution at %1").arg(marker, 0, 'g', 4));
    line->append(marker, yMin);
    line->append(marker, yMax);
    chart->addSeries(line);
    line->attachAxis(xAxis);
    line->attachAxis(yAxis);
  }
  if (std::isfinite(xMin)) {
    xAxis->setRange(xMin, xMax);
    yAxis->setRange(std::min(0.0, yMin), yMax + 0.05 * (yMax - yMin));
  }
  auto* view = new QChartView(chart);
  view->setRenderHint(QPainter::Antialiasing);
  // The tab is named by the table (the part of the title before any " (resolution ...)").
  const QString name = title.section(" (", 0, 0);
  for (int i = tabs_->count(); i-- > 0;)
    if (tabs_->tabText(i) == name || !qobject_cast<QChartView*>(tabs_->widget(i))) delete tabs_->widget(i);
  while (tabs_->count() >= kKeptPlots) delete tabs_->widget(0);
  const int index = tabs_->addTab(view, name);
  if (raise || tabs_->count() == 1) tabs_->setCurrentIndex(index);
}

}  // namespace lqs::gui
