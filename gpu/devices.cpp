#include "gpu/devices.hpp"

#include <tbb/info.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace lqs::gpu {

static std::string cpuModelName() {
  std::ifstream cpuinfo("/proc/cpuinfo");
  std::string line;
  while (std::getline(cpuinfo, line)) {
    if (line.rfind("model name", 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon != std::string::npos) return line.substr(colon + 2);
  }
  return "CPU";
}

Device cpuDevice() {
  Device device;
  device.backend = Backend::Cpu;
  device.name = cpuModelName();
  device.vendor = "cpu";
  device.driver = "tbb " + std::to_string(tbb::info::default_concurrency()) + " threads";
  return device;
}

std::set<std::string> disabledBackendsFromEnvironment() {
  std::set<std::string> disabled;
  const char* text = std::getenv("LQS_DISABLE");
  if (!text) return disabled;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, ',')) {
    if (!item.empty()) disabled.insert(item);
  }
  return disabled;
}

std::set<std::string> backendsUnneededBy(const std::vector<std::string>& places) {
  bool named = false;
  for (const std::string& place : places) {
    if (place.empty()) continue;
    if (place != "cpu" && place.rfind("cpu:", 0) != 0) return {};
    named = true;
  }
  if (!named) return {};
  return {"opencl", "cuda"};
}

std::vector<Device> discoverDevices(const std::set<std::string>& disabled) {
  std::vector<Device> devices{cpuDevice()};
  if (!disabled.count("opencl"))
    for (auto& d : openclDevices()) devices.push_back(std::move(d));
  if (!disabled.count("cuda"))
    for (auto& d : cudaDevices()) devices.push_back(std::move(d));
  return devices;
}

}  // namespace lqs::gpu
