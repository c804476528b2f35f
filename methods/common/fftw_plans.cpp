#include "methods/common/fftw_plans.hpp"

#include <map>
#include <mutex>
#include <string>
#include <tuple>

#include "core/errors.hpp"

namespace lqs::fftw {

void* cachedPlan(int rows, int cols, PlanKind kind, const std::function<void*()>& make) {
  static std::mutex cacheLock, plannerLock;
  static std::map<std::tuple<int, int, PlanKind>, void*> plans;  // kept until the process ends
  std::lock_guard lock(cacheLock);
  void*& plan = plans[{rows, cols, kind}];
  if (!plan) {
    std::lock_guard planning(plannerLock);
    plan = make();
  }
  if (!plan)
    throw RunError("FFTW could not plan a " + std::to_string(rows) + "x" + std::to_string(cols) +
                   " transform");
  return plan;
}

}  // namespace lqs::fftw
