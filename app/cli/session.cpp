#include "app/cli/session.hpp"

#include <cstdlib>

#include "core/errors.hpp"
#include "engine/factory_benchmarks.hpp"
#include "gpu/devices.hpp"
#include "methods/register_all.hpp"

namespace lqs::cli {

static std::string pinnedDeviceText() {
  const char* text = std::getenv("LQS_DEVICE");
  return text ? text : "";
}

const std::vector<Device>& Session::devices() {
  if (!devices_) {
    std::set<std::string> disabled = gpu::disabledBackendsFromEnvironment();
    std::vector<std::string> places = impls_;
    places.push_back(pinnedDeviceText());
    disabled.merge(gpu::backendsUnneededBy(places));
    devices_ = std::make_unique<std::vector<Device>>(gpu::discoverDevices(disabled));
  }
  return *devices_;
}

const Registry& Session::registry() {
  if (!registry_) registry_ = std::make_unique<Registry>(buildRegistry(devices()));
  return *registry_;
}

RunStore& Session::store() {
  if (!store_) store_ = std::make_unique<RunStore>(RunStore::defaultFile());
  return *store_;
}

// LQS_DEVICE names a back end ("cuda") or a device ("opencl:1") of this machine, or nothing.
static std::string pinnedDevice(const std::vector<Device>& devices) {
  const std::string text = pinnedDeviceText();
  if (text.empty()) return {};
  std::string known;
  for (const Device& device : devices) {
    if (text == device.shortName() || text == backendName(device.backend)) return text;
    known += (known.empty() ? "" : ", ") + device.shortName() + " (" + device.name + ")";
  }
  throw ParameterError("LQS_DEVICE=" + text +
                       " names no device here; devices (or their back ends): " + known);
}

Engine& Session::engine() {
  if (!engine_) {
    const std::string pinned = pinnedDevice(devices());
    engine_ = std::make_unique<Engine>(registry(), store(), Agent(factoryBenchmarks()));
    if (!pinned.empty()) engine_->pin(pinned);
  }
  return *engine_;
}

}  // namespace lqs::cli
