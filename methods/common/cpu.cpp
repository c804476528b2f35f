#include "methods/common/cpu.hpp"

#include <stdexcept>

namespace lqs {

std::vector<Implementation> cpuImplementations(const Device& cpu, const CpuRun& run) {
  return {
      Implementation{"cpu:unthreaded", cpu, [run](const RunContext& c) { return run(c, CpuSchedule::Serial); }, {}},
      Implementation{"cpu:tbb", cpu, [run](const RunContext& c) { return run(c, CpuSchedule::Tbb); }, {}},
  };
}

Implementation simdImplementation(const Device& cpu, const CpuRun& run) {
  return Implementation{
      "cpu:simd", cpu, [run](const RunContext& c) { return run(c, CpuSchedule::TbbSimd); }, {}};
}

const Device& cpuOf(const std::vector<Device>& devices) {
  for (const auto& device : devices)
    if (device.backend == Backend::Cpu) return device;
  throw std::logic_error("device list has no CPU");
}

std::vector<Device> devicesOf(const std::vector<Device>& devices, Backend backend) {
  std::vector<Device> selected;
  for (const auto& device : devices)
    if (device.backend == backend) selected.push_back(device);
  return selected;
}

}  // namespace lqs
