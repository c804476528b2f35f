#include "methods/srrf/rgc_table.hpp"

#include <algorithm>
#include <cmath>

#include "gpu/kernels/rgc.h"

namespace lqs {

RgcTable makeRgcTable(int magnification, float radius) {
  const float sigma = radius / 2.355f, tSS = 2 * sigma * sigma, tSO = 2 * sigma + 1, G = 2.0f;
  const int start = -static_cast<int>(G * radius), end = static_cast<int>(G * radius + 1);
  RgcTable table;
  table.magnification = magnification;
  table.margin = static_cast<int>(radius * float(magnification));
  for (int s = 0; s < magnification; ++s)
    table.latticeRowOf.push_back(static_cast<int>(G * ((float(s) + 0.5f) / float(magnification))));
  for (int sy = 0; sy < magnification; ++sy) {
    for (int sx = 0; sx < magnification; ++sx) {
      table.first.push_back(static_cast<int>(table.entries.size() / LQS_RGC_FIELDS));
      const float yc = (float(sy) + 0.5f) / float(magnification), xc = (float(sx) + 0.5f) / float(magnification);
      const int ay = table.latticeRowOf[sy], ax = table.latticeRowOf[sx];
      int count = 0;
      for (int j = start; j < end; ++j) {
        for (int i = start; i < end; ++i) {
          const float dy = float(ay + j) / G - yc, dx = float(ax + i) / G - xc;
          const float d = std::sqrt(dx * dx + dy * dy);
          if (d == 0 || d > tSO) continue;
          // the original computes the weight in double
          const double w = std::pow(double(d) * std::exp(-double(d) * double(d) / double(tSS)), 4.0);
          const float weight = static_cast<float>(w);
          table.entries.insert(table.entries.end(), {float(j), float(i), dx, dy, weight, weight / d});
          ++count;
        }
      }
      table.count.push_back(count);
    }
  }
  table.latticeRowOf.push_back(std::max(-start, end - 1));
  return table;
}

}  // namespace lqs
