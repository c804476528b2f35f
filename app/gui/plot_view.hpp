#pragma once
// Curves from table outputs (FRC curve, drift table): every column against the first.
#include <QWidget>

#include "core/table.hpp"

class QChartView;

namespace lqs::gui {

class PlotView : public QWidget {
  Q_OBJECT
 public:
  explicit PlotView(QWidget* parent = nullptr);
  // `marker` draws a labelled vertical line at that x (the FRC resolution), when finite.
  void show(const QString& title, const Table& table, double marker);

 private:
  QChartView* view_;
};

}  // namespace lqs::gui
