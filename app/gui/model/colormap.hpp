#pragma once
// Colormaps for image layers: a name and a colour for every value in [0, 1].
#include <array>
#include <string>
#include <vector>

namespace lqs::gui {

struct Rgb {
  float r = 0, g = 0, b = 0;  // each in [0, 1]
};

class Colormap {
 public:
  // Throws std::invalid_argument for a name not in names().
  static Colormap named(const std::string& name);
  static const std::vector<std::string>& names();  // gray, magma, inferno, viridis, hot, coolwarm, ...

  const std::string& name() const { return name_; }
  Rgb at(float fraction) const;  // fraction is clamped to [0, 1]

 private:
  static constexpr int kEntries = 256;
  std::string name_;
  std::array<Rgb, kEntries> table_{};
};

}  // namespace lqs::gui
