#include "methods/srrf/esrrf_frame.hpp"

#include "gpu/kernels/gradients.h"
#include "gpu/kernels/interpolation.h"
#include "gpu/kernels/rgc.h"

namespace lqs {

namespace {

// Lattice point a of the 2*mag gradient grid read by RGC: raw coordinate a/2, or for the extra
// last point the edge sample (2*n*mag - 1) / (2*mag) that the original's clamping reads.
float latticeCoordinate(int a, int size, int magnification) {
  const int gridSize = 2 * size * magnification;
  const int index = a < 2 * size ? a * magnification : gridSize - 1;
  return float(index) / float(2 * magnification);
}

}  // namespace

void esrrfFrame(std::span<const float> frame, int rows, int cols, const EsrrfSettings& s, const RgcTable& table,
                CpuSchedule schedule, EsrrfScratch& scratch, float* out) {
  const int mag = s.magnification, rowsM = rows * mag, colsM = cols * mag;
  const int latticeRows = 2 * rows + 1, latticeCols = 2 * cols + 1;
  const float* img = frame.data();

  scratch.gradCol.resize(frame.size());
  scratch.gradRow.resize(frame.size());
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      lqs_roberts_cross(img, cols, r, c, &scratch.gradCol[r * cols + c], &scratch.gradRow[r * cols + c]);

  scratch.latticeCol.resize(std::size_t(latticeRows) * latticeCols);
  scratch.latticeRow.resize(scratch.latticeCol.size());
  forRange(schedule, std::size_t(latticeRows), [&](std::size_t begin, std::size_t end) {
    for (int a = int(begin); a < int(end); ++a) {
      const float row = latticeCoordinate(a, rows, mag);
      for (int b = 0; b < latticeCols; ++b) {
        const float col = latticeCoordinate(b, cols, mag);
        scratch.latticeCol[a * latticeCols + b] =
            lqs_sample(scratch.gradCol.data(), row, col, rows, cols, LQS_CATMULL_ROM);
        scratch.latticeRow[a * latticeCols + b] =
            lqs_sample(scratch.gradRow.data(), row, col, rows, cols, LQS_CATMULL_ROM);
      }
    }
  });

  const int margin = table.margin, maxA = 2 * (rowsM - 1), maxB = 2 * (colsM - 1);
  forRange(schedule, std::size_t(rowsM), [&](std::size_t begin, std::size_t end) {
    for (int rM = int(begin); rM < int(end); ++rM) {
      float* line = out + std::size_t(rM) * colsM;
      const bool inside = rM >= margin && rM < rowsM - margin;
      const int sy = rM % mag, ay = 2 * (rM / mag) + table.latticeRowOf[sy];
      for (int cM = 0; cM < colsM; ++cM) {
        if (!inside || cM < margin || cM >= colsM - margin) {
          line[cM] = 0.0f;
          continue;
        }
        const int sx = cM % mag, ax = 2 * (cM / mag) + table.latticeRowOf[sx], sub = sy * mag + sx;
        float rgc = lqs_rgc_pixel(scratch.latticeCol.data(), scratch.latticeRow.data(), latticeRows, latticeCols,
                                  ay, ax, table.entries.data() + std::size_t(table.first[sub]) * LQS_RGC_FIELDS,
                                  table.count[sub], maxA, maxB, s.sensitivity);
        if (s.intensityWeighting)
          rgc *= lqs_sample(img, float(rM) / float(mag), float(cM) / float(mag), rows, cols, LQS_CATMULL_ROM);
        line[cM] = rgc;
      }
    }
  });
}

}  // namespace lqs
