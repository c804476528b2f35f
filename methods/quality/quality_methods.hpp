#pragma once
// Declarations and CPU runs of the quality methods, registered in register.cpp.
#include <string>

#include "engine/method.hpp"
#include "methods/common/cpu.hpp"
#include "methods/common/finite_pixels.hpp"  // requireFinite

namespace lqs {

MethodSpec frcSpec();
Result runFrc(const RunContext& context, CpuSchedule schedule);
MethodSpec frcMapSpec();
Result runFrcMap(const RunContext& context, CpuSchedule schedule);
MethodSpec decorrSpec();
Result runDecorr(const RunContext& context, CpuSchedule schedule);
MethodSpec squirrelSpec();
Result runSquirrel(const RunContext& context, CpuSchedule schedule);

// One squirrel per OpenCL and per CUDA device (none without them in the build).
std::vector<Implementation> squirrelGpuImplementations(const std::vector<Device>& devices);

// InputError naming `what` when every value of the stack is the same.
void requireStructure(const Stack& stack, const std::string& what);

}  // namespace lqs
