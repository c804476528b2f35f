#pragma once
// The FRC resolution of the running live reconstruction (even against odd blocks) against the
// frames taken so far: it falls as the reconstruction builds up and levels off when more frames
// stop helping.
#include <QChartView>

class QLineSeries;
class QValueAxis;

namespace lqs::gui {

class LiveResolutionChart : public QChartView {
  Q_OBJECT
 public:
  explicit LiveResolutionChart(QWidget* parent = nullptr);
  void add(double frames, double resolution, const QString& unit);
  void clear();

 private:
  QLineSeries* series_;
  QValueAxis* frames_;
  QValueAxis* resolution_;
};

}  // namespace lqs::gui
