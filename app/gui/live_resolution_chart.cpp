#include "app/gui/live_resolution_chart.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace lqs::gui {

LiveResolutionChart::LiveResolutionChart(QWidget* parent)
    : QChartView(parent), series_(new QLineSeries), frames_(new QValueAxis), resolution_(new QValueAxis) {
  auto* chart = new QChart;
  chart->legend()->hide();
  chart->setTitle("FRC resolution (even vs odd blocks)");
  chart->addSeries(series_);
  frames_->setTitleText("frames");
  frames_->setLabelFormat("%d");
  resolution_->setTitleText("resolution");
  chart->addAxis(frames_, Qt::AlignBottom);
  chart->addAxis(resolution_, Qt::AlignLeft);
  series_->attachAxis(frames_);
  series_->attachAxis(resolution_);
  setChart(chart);
  setMinimumHeight(180);
  setRenderHint(QPainter::Antialiasing);
}

void LiveResolutionChart::add(double frames, double resolution, const QString& unit) {
  series_->append(frames, resolution);
  double highest = 0;
  for (const QPointF& point : series_->points()) highest = std::max(highest, point.y());
  frames_->setRange(0, frames);
  resolution_->setRange(0, highest * 1.1);
  resolution_->setTitleText("resolution (" + unit + ")");
}

void LiveResolutionChart::clear() { series_->clear(); }

}  // namespace lqs::gui
