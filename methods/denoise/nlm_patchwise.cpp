#include <cmath>

#include "methods/denoise/nlm_runs.hpp"
#include "methods/denoise/nlm_setup.hpp"

namespace lqs {

namespace {

// Adds one shift's contribution to every pixel whose candidate (row + dy, col + dx) is inside the
// image: separable Gaussian sum of the squared patch differences, then the NLM weight.
void accumulateShift(const std::vector<float>& padded, int rows, int cols, const NlmSettings& s, int dy, int dx,
                     CpuSchedule schedule, std::vector<float>& horizontal, float* sum, float* weightSum) {
  const int patch = s.patch, offset = patch / 2, paddedCols = cols + 2 * offset;
  const int rowBegin = std::max(0, -dy), rowEnd = std::min(rows, rows - dy);
  const int colBegin = std::max(0, -dx), colEnd = std::min(cols, cols - dx);
  if (rowBegin >= rowEnd || colBegin >= colEnd) return;
  const float* g = s.gaussian1d.data();
  // horizontal[y][col] = sum_b g[b] ((P[y][col+b] - P[y+dy][col+dx+b])^2 - 2 sigma^2), y over patch rows
  forRange(schedule, std::size_t(rowEnd - rowBegin + patch - 1), [&](std::size_t begin, std::size_t end) {
    for (int y = rowBegin + int(begin); y < rowBegin + int(end); ++y) {
      const float* p = padded.data() + std::size_t(y) * paddedCols;
      const float* q = padded.data() + std::size_t(y + dy) * paddedCols + dx;
      float* h = horizontal.data() + std::size_t(y) * cols;
      for (int col = colBegin; col < colEnd; ++col) {
        float acc = 0.0f;
        for (int b = 0; b < patch; ++b) {
          const float diff = p[col + b] - q[col + b];
          acc += g[b] * (diff * diff - s.variance2);
        }
        h[col] = acc;
      }
    }
  });
  forRange(schedule, std::size_t(rowEnd - rowBegin), [&](std::size_t begin, std::size_t end) {
    for (int row = rowBegin + int(begin); row < rowBegin + int(end); ++row) {
      const float* candidate = padded.data() + std::size_t(row + dy + offset) * paddedCols + dx + offset;
      for (int col = colBegin; col < colEnd; ++col) {
        float d = 0.0f;
        for (int a = 0; a < patch; ++a) d += g[a] * horizontal[std::size_t(row + a) * cols + col];
        const float w = std::exp(-std::max(d, 0.0f));
        weightSum[row * cols + col] += w;
        sum[row * cols + col] += w * candidate[col];
      }
    }
  });
}

}  // namespace

Result runNlmPatchwise(const RunContext& c, CpuSchedule schedule) {
  const Stack& in = c.stack(0);
  const NlmSettings s = nlmSettings(c.params);
  const int rows = int(in.rows()), cols = int(in.cols()), offset = s.patch / 2;
  Stack out(in.frames(), in.rows(), in.cols());
  out.pixelSize = in.pixelSize;
  std::vector<float> horizontal(std::size_t(rows + 2 * offset) * cols), weightSum(in.frameSize());
  for (std::size_t t = 0; t < in.frames(); ++t) {
    const auto padded = reflectPad(in.frame(t), rows, cols, offset);
    float* sum = out.frame(t).data();
    std::fill(weightSum.begin(), weightSum.end(), 0.0f);
    for (int dy = -s.distance; dy <= s.distance; ++dy) {
      c.job.checkCancelled();
      for (int dx = -s.distance; dx <= s.distance; ++dx)
        accumulateShift(padded, rows, cols, s, dy, dx, schedule, horizontal, sum, weightSum.data());
    }
    for (std::size_t i = 0; i < in.frameSize(); ++i) sum[i] /= weightSum[i];
    c.job.progress(double(t + 1) / double(in.frames()), "nlm");
  }
  return Result{{Output{"image", std::move(out)}}};
}

}  // namespace lqs
