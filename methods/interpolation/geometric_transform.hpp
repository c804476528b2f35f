#pragma once
// Per-frame geometric resampling shared by magnify, shift-magnify and shift-scale-rotate: every
// output pixel maps to an input coordinate through an affine map, then lqs_sample interpolates.
#include <string>

#include "core/stack.hpp"
#include "methods/common/cpu.hpp"

namespace lqs {

// Interpolator index for gpu/kernels/interpolation.h from the parameter's text.
int interpolatorKind(const std::string& name);
// The interpolation parameter every resampling method declares.
ParamSpec interpolationParam();
// "pixel_centers": nanopyx (output pixel i samples input coordinate i / magnification, where input
// pixel k's centre is k + 0.5: a half-pixel move, NanoPyx's results) or aligned (output centres on
// input centres: magnification 1 without shift is the identity). docs/reliability.md.
ParamSpec pixelCentresParam();
// The shift (in input pixels, subtracted from the coordinate) that turns NanoPyx's sampling of an
// axis magnified `magnification` times into the chosen one: 0, or -0.5 / magnification when aligned.
double pixelCentresShift(const ParamValues& params, double magnification);
// lqs_sample from gpu/kernels/interpolation.h, kept out of this header.
float sampleAt(const float* img, float row, float col, int rows, int cols, int kind);

// out(i, j) = pixel(input frame, rows, cols, i, j), frame by frame.
template <class Pixel>
Stack resamplePixels(const Stack& in, std::size_t outRows, std::size_t outCols, const Pixel& pixel,
                     CpuSchedule schedule, const Job& job) {
  Stack out(in.frames(), outRows, outCols);
  out.pixelSize = in.pixelSize;
  const int rows = static_cast<int>(in.rows()), cols = static_cast<int>(in.cols());
  for (std::size_t t = 0; t < in.frames(); ++t) {
    job.checkCancelled();
    const float* src = in.frame(t).data();
    float* dst = out.frame(t).data();
    forRange(schedule, outRows, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i)
        for (std::size_t j = 0; j < outCols; ++j)
          dst[i * outCols + j] = pixel(src, rows, cols, static_cast<int>(i), static_cast<int>(j));
    });
    job.progress(double(t + 1) / double(in.frames()));
  }
  return out;
}

// out(i, j) = in sampled at coordinate(i, j) -> {row, col}, frame by frame.
template <class Coordinate>
Stack resample(const Stack& in, std::size_t outRows, std::size_t outCols, const Coordinate& coordinate,
               int kind, CpuSchedule schedule, const Job& job) {
  return resamplePixels(
      in, outRows, outCols,
      [&](const float* src, int rows, int cols, int i, int j) {
        const auto [row, col] = coordinate(i, j);
        return sampleAt(src, row, col, rows, cols, kind);
      },
      schedule, job);
}

}  // namespace lqs
