#pragma once
// FFTW plans made once per shape and kind for the whole process. FFTW's planner is not thread-safe,
// so plans are made under one lock; executing them through the new-array calls is safe from any
// thread (FFTW_UNALIGNED: std::vector storage need not be SIMD-aligned).
#include <fftw3.h>

#include <functional>

namespace lqs::fftw {

// What a plan computes; real-input plans in double and single precision are different kinds.
enum class PlanKind { Forward, Backward, RealForward, RealForwardFloat, RealInverse, RealInverseFloat };

inline constexpr unsigned kPlanFlags = FFTW_ESTIMATE | FFTW_UNALIGNED;

// The plan for (rows, cols, kind), made by `make` the first time (RunError when FFTW cannot plan it).
void* cachedPlan(int rows, int cols, PlanKind kind, const std::function<void*()>& make);

}  // namespace lqs::fftw
