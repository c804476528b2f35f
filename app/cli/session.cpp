#include "app/cli/session.hpp"

#include "engine/factory_benchmarks.hpp"
#include "gpu/devices.hpp"
#include "methods/register_all.hpp"

namespace lqs::cli {

const std::vector<Device>& Session::devices() {
  if (!devices_)
    devices_ = std::make_unique<std::vector<Device>>(gpu::discoverDevices(gpu::disabledBackendsFromEnvironment()));
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

Engine& Session::engine() {
  if (!engine_) engine_ = std::make_unique<Engine>(registry(), store(), Agent(factoryBenchmarks()));
  return *engine_;
}

}  // namespace lqs::cli
