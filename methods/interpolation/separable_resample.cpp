#include "methods/interpolation/separable_resample.hpp"

#include <algorithm>
#include <array>

#include "gpu/kernels/interpolation.h"

namespace lqs {

AxisTaps axisTaps(const std::vector<float>& coords, int size, int kind) {
  AxisTaps taps;
  taps.count = std::min(lqs_tap_count(kind), size);
  const std::size_t n = coords.size();
  taps.first.assign(n, 0);
  taps.weight.assign(n, {});
  taps.weightSum.assign(n, 0);
  taps.inside.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const float x = coords[i];
    // inside the image as lqs_sample sees it: nearest truncates toward zero, so (-1, 0) is pixel 0
    const bool inside = kind == LQS_NEAREST ? x > -1.0f && x < float(size) : x >= 0 && x < float(size);
    if (!inside) {  // output 0; first stays non-decreasing along the axis
      taps.first[i] = x >= float(size) ? size - taps.count : 0;
      continue;
    }
    taps.inside[i] = 1;
    const int nominal = lqs_tap_first(kind, x);
    taps.first[i] = std::clamp(nominal, 0, size - taps.count);
    for (int k = 0; k < lqs_tap_count(kind); ++k) {
      const int index = nominal + k;
      if (index < 0 || index >= size) continue;
      const double w = lqs_tap_weight(kind, double(x) - (double(index) + 0.5));
      taps.weight[i][std::size_t(index - taps.first[i])] = w;
      taps.weightSum[i] += w;
    }
  }
  return taps;
}

#ifdef LQS_HAVE_CUDA
gpu::cuda::AxisTable tableView(const AxisTaps& taps) {
  return {taps.first.data(), taps.weight.front().data(), taps.weightSum.data(), taps.inside.data(), taps.first.size(),
          taps.count, kMaxTaps};
}
#endif

namespace {

// One output row: `column` receives the row taps' weighted sum for every input column, then each
// output pixel combines its column taps from it.
void resampleRow(const float* src, std::size_t inCols, const AxisTaps& rowTaps, std::size_t i,
                 const AxisTaps& colTaps, bool normalised, std::vector<double>& column, float* dst) {
  const std::size_t outCols = colTaps.first.size();
  if (!rowTaps.inside[i]) {
    std::fill(dst, dst + outCols, 0.0f);
    return;
  }
  std::fill(column.begin(), column.end(), 0.0);
  for (int k = 0; k < rowTaps.count; ++k) {
    const float* line = src + std::size_t(rowTaps.first[i] + k) * inCols;
    const double w = rowTaps.weight[i][std::size_t(k)];
    for (std::size_t c = 0; c < inCols; ++c) column[c] += line[c] * w;
  }
  const int count = colTaps.count;
  for (std::size_t j = 0; j < outCols; ++j) {
    const double* taps = column.data() + colTaps.first[j];
    const auto& w = colTaps.weight[j];
    double sum = 0;
    for (int k = 0; k < count; ++k) sum += taps[k] * w[std::size_t(k)];
    const double weights = rowTaps.weightSum[i] * colTaps.weightSum[j];
    const float value = !normalised ? float(sum) : weights != 0 ? float(sum / weights) : 0.0f;
    dst[j] = colTaps.inside[j] ? value : 0.0f;
  }
}

}  // namespace

Stack resampleSeparable(const Stack& in, const AxisTaps& rowTaps, const AxisTaps& colTaps, int kind,
                        CpuSchedule schedule, const Job& job) {
  const std::size_t outRows = rowTaps.first.size(), outCols = colTaps.first.size();
  Stack out(in.frames(), outRows, outCols, Stack::Uninitialised{});  // resampleRow writes every pixel
  out.pixelSize = in.pixelSize;
  const bool normalised = lqs_tap_normalised(kind);
  for (std::size_t t = 0; t < in.frames(); ++t) {
    job.checkCancelled();
    const float* src = in.frame(t).data();
    float* dst = out.frame(t).data();
    forRange(schedule, outRows, [&](std::size_t begin, std::size_t end) {
      std::vector<double> column(in.cols());
      for (std::size_t i = begin; i < end; ++i)
        resampleRow(src, in.cols(), rowTaps, i, colTaps, normalised, column, dst + i * outCols);
    });
    job.progress(double(t + 1) / double(in.frames()));
  }
  return out;
}

}  // namespace lqs
