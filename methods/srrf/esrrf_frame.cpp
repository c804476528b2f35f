#include "methods/srrf/esrrf_frame.hpp"

#include "gpu/kernels/gradients.h"
#include "gpu/kernels/rgc.h"
#include "methods/srrf/esrrf_row_simd.hpp"

namespace lqs {

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
      if (schedule == CpuSchedule::TbbSimd) {
        latticeRowSimd(scratch.gradCol.data(), scratch.gradRow.data(), rows, cols, mag, a,
                       &scratch.latticeCol[a * latticeCols], &scratch.latticeRow[a * latticeCols]);
        continue;
      }
      for (int b = 0; b < latticeCols; ++b)
        lqs_lattice_gradient(scratch.gradCol.data(), scratch.gradRow.data(), rows, cols, mag, a, b,
                             &scratch.latticeCol[a * latticeCols + b], &scratch.latticeRow[a * latticeCols + b]);
    }
  });

  forRange(schedule, std::size_t(rowsM), [&](std::size_t begin, std::size_t end) {
    if (schedule == CpuSchedule::TbbSimd) {
      for (int rM = int(begin); rM < int(end); ++rM)
        esrrfRowSimd(img, rows, cols, scratch.latticeCol.data(), scratch.latticeRow.data(), s, table, rM,
                     out + std::size_t(rM) * colsM);
      return;
    }
    for (int rM = int(begin); rM < int(end); ++rM)
      for (int cM = 0; cM < colsM; ++cM)
        out[std::size_t(rM) * colsM + cM] = lqs_esrrf_pixel(
            img, rows, cols, scratch.latticeCol.data(), scratch.latticeRow.data(), mag, table.entries.data(),
            table.first.data(), table.count.data(), table.latticeRowOf.data(), table.margin, s.sensitivity,
            s.intensityWeighting ? 1 : 0, rM, cM);
  });
}

}  // namespace lqs
