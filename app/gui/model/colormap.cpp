#include "app/gui/model/colormap.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace lqs::gui {

namespace {

// Evenly spaced control colours (0xRRGGBB), interpolated linearly into the 256-entry table.
// magma, inferno and viridis follow matplotlib's perceptually uniform maps (eleven control colours, close
// to but not bit-identical with matplotlib's 256-entry tables); coolwarm is Moreland's
// diverging map (blue - light grey - red), for signed differences and error maps.
const std::map<std::string, std::vector<unsigned>>& controlPoints() {
  static const std::map<std::string, std::vector<unsigned>> points{
      {"gray", {0x000000, 0xffffff}},
      {"magma", {0x000004, 0x140e36, 0x3b0f70, 0x641a80, 0x8c2981, 0xb73779, 0xde4968, 0xf7705c, 0xfe9f6d,
                 0xfecf92, 0xfcfdbf}},
      {"inferno", {0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a,
                   0xf6d746, 0xfcffa4}},
      {"viridis", {0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c, 0x22a884, 0x44bf70, 0x7ad151,
                   0xbddf26, 0xfde725}},
      {"hot", {0x000000, 0x550000, 0xaa0000, 0xff0000, 0xff5500, 0xffaa00, 0xffff00, 0xffff80, 0xffffff}},
      {"coolwarm", {0x3b4cc0, 0x6788ee, 0x9abbff, 0xc9d7f0, 0xdddcdc, 0xf2cbb7, 0xf7a889, 0xe26952, 0xb40426}},
      {"green", {0x000000, 0x00ff00}},
      {"magenta", {0x000000, 0xff00ff}},
      {"cyan", {0x000000, 0x00ffff}},
  };
  return points;
}

Rgb toRgb(unsigned hex) {
  return {float((hex >> 16) & 0xff) / 255.0f, float((hex >> 8) & 0xff) / 255.0f, float(hex & 0xff) / 255.0f};
}

}  // namespace

const std::vector<std::string>& Colormap::names() {
  static const std::vector<std::string> ordered{"gray", "magma",    "inferno", "viridis", "hot",
                                                "coolwarm", "green", "magenta", "cyan"};
  return ordered;
}

Colormap Colormap::named(const std::string& name) {
  const auto found = controlPoints().find(name);
  if (found == controlPoints().end()) throw std::invalid_argument("unknown colormap \"" + name + "\"");
  const std::vector<unsigned>& points = found->second;
  Colormap map;
  map.name_ = name;
  const float segments = float(points.size() - 1);
  for (int i = 0; i < kEntries; ++i) {
    const float position = float(i) / float(kEntries - 1) * segments;
    const std::size_t low = std::min(std::size_t(position), points.size() - 2);
    const float t = position - float(low);
    const Rgb a = toRgb(points[low]), b = toRgb(points[low + 1]);
    map.table_[i] = {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
  }
  return map;
}

Rgb Colormap::at(float fraction) const {
  if (!(fraction > 0)) return table_.front();  // NaN shows as the low end
  if (fraction >= 1) return table_.back();
  return table_[std::size_t(fraction * float(kEntries - 1) + 0.5f)];
}

}  // namespace lqs::gui
