#pragma once
// One self-redrawing progress line on a terminal's stderr (nothing when stderr is a file or pipe,
// so logs and CI output stay clean). Messages printed through it appear above the bar.
#include <string>

namespace lqs::cli {

class ProgressBar {
 public:
  ProgressBar();  // enabled only when stderr is a terminal
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void show(double fraction, const std::string& label);
  void print(const std::string& line);  // a line on stdout, the bar redrawn under it
  void clear();

 private:
  void draw();
  bool enabled_;
  double fraction_ = 0;
  std::string label_;
};

}  // namespace lqs::cli
