#include "app/cli/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace lqs::cli {

static constexpr int kWidth = 30;

ProgressBar::ProgressBar() : enabled_(::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::show(double fraction, const std::string& label) {
  fraction_ = std::clamp(fraction, 0.0, 1.0);
  label_ = label;
  draw();
}

void ProgressBar::draw() {
  if (!enabled_) return;
  const int filled = int(fraction_ * kWidth + 0.5);
  std::cerr << "\r\033[K[" << std::string(filled, '#') << std::string(kWidth - filled, '-') << "] "
            << int(fraction_ * 100 + 0.5) << "%  " << label_ << std::flush;
}

void ProgressBar::print(const std::string& line) {
  clear();
  std::cout << line << std::endl;
  draw();
}

void ProgressBar::clear() {
  if (enabled_) std::cerr << "\r\033[K" << std::flush;
}

}  // namespace lqs::cli
