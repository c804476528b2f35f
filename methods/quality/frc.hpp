#pragma once
// Fourier ring correlation as NanoPyx's FIRE calculator: even-square crop, Tukey(0.25) taper, FFT,
// bilinear ring sampling, Savitzky-Golay smoothing, fixed 1/7 threshold, first crossing.
#include <optional>
#include <vector>

#include "core/stack.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

struct FrcCurve {
  std::vector<double> frequency;   // 1 / pixel_size units, ring r at linspace(0, 1/(2 px), max_r)[r]
  std::vector<double> correlation;  // smoothed FRC, 1 at r = 0
  std::optional<double> resolution;  // 1 / first threshold crossing; none if the curve never crosses

  // False when an image has no structure (constant or zero): the correlation is then undefined.
  bool defined() const;
};

constexpr double kFrcThreshold = 1.0 / 7.0;

// The two images must have the same shape, at least 8 x 8 after cropping to an even square. With
// CpuSchedule::Tbb the two transforms and the rings run in parallel (same result).
FrcCurve fourierRingCorrelation(std::span<const float> first, std::span<const float> second, int rows,
                                int cols, double pixelSize, CpuSchedule schedule = CpuSchedule::Serial);

// Where `curve` first crosses `threshold` between consecutive samples (line intersection).
std::optional<double> firstCrossing(const std::vector<double>& x, const std::vector<double>& y, double threshold);

}  // namespace lqs
