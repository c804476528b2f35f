#pragma once
// The CPU side of "one kernel, several back ends": a method writes its per-row/per-pixel loop body
// once and gets `cpu:unthreaded` and `cpu:tbb` implementations that run that body serially or with
// TBB's work stealing.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>
#include <functional>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

// Serial: one thread (cpu:unthreaded). Tbb: TBB's work stealing (cpu:tbb). TbbSimd: the same threads
// running a method's loops vectorised across pixels where it has such loops (cpu:simd).
enum class CpuSchedule { Serial, Tbb, TbbSimd };

// Calls body(begin, end) over [0, count) in one piece (Serial) or in TBB-chosen chunks.
template <class Body>
void forRange(CpuSchedule schedule, std::size_t count, const Body& body) {
  if (schedule == CpuSchedule::Serial || count < 2) {
    body(std::size_t{0}, count);
    return;
  }
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count),
                    [&](const tbb::blocked_range<std::size_t>& r) { body(r.begin(), r.end()); });
}

using CpuRun = std::function<Result(const RunContext&, CpuSchedule)>;

// `cpu:unthreaded` and `cpu:tbb` around the same run function.
std::vector<Implementation> cpuImplementations(const Device& cpu, const CpuRun& run);
// `cpu:simd`, for a method whose run function has vectorised loops for CpuSchedule::TbbSimd.
Implementation simdImplementation(const Device& cpu, const CpuRun& run);

// The CPU device among `devices` (always present: discoverDevices puts it first).
const Device& cpuOf(const std::vector<Device>& devices);
// The devices of one back end, in discovery order.
std::vector<Device> devicesOf(const std::vector<Device>& devices, Backend backend);

}  // namespace lqs
