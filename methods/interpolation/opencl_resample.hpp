#pragma once
#include "core/stack.hpp"
#include "engine/job.hpp"
#include "methods/common/opencl.hpp"

namespace lqs {

// Inverse map of shift-scale-rotate: input (row, col) = (c x + d y + centreRow, a x + b y + centreCol)
// with x = j - centreCol - shiftCol, y = i - centreRow - shiftRow.
struct AffineCoefficients {
  float a, b, c, d, centreRow, centreCol, shiftRow, shiftCol;
};

#ifdef LQS_HAVE_OPENCL
Stack openclShiftMagnify(gpu::OpenclDevice& gpu, const Stack& in, std::size_t outRows, std::size_t outCols,
                         float magRow, float magCol, float shiftRow, float shiftCol, int kind, const Job& job);
Stack openclShiftScaleRotate(gpu::OpenclDevice& gpu, const Stack& in, const AffineCoefficients& m, int kind,
                             const Job& job);
#endif

}  // namespace lqs
