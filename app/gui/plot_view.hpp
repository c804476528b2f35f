#pragma once
// Curves from table outputs (FRC curve, drift table): every column against the first, one tab per
// table (a table with the same title replaces its tab), the newest of the last few kept.
#include <QWidget>

#include "core/table.hpp"

class QTabWidget;

namespace lqs::gui {

class PlotView : public QWidget {
  Q_OBJECT
 public:
  explicit PlotView(QWidget* parent = nullptr);
  // `marker` draws a labelled vertical line at that x (the FRC resolution), when finite. `raise`:
  // bring its tab to the front (a method's main table), else it waits behind (secondary tables).
  void show(const QString& title, const Table& table, double marker, bool raise = true);

  static constexpr int kKeptPlots = 8;

 private:
  QTabWidget* tabs_;
};

}  // namespace lqs::gui
