#include "methods/common/cpu.hpp"
#include "methods/families.hpp"
#include "methods/registration/channel_methods.hpp"
#include "methods/registration/drift.hpp"

namespace lqs {

void registerRegistration(Registry& registry, const std::vector<Device>& devices) {
  registerDriftMethods(registry, devices);
  registerChannelMethods(registry, cpuOf(devices));
}

}  // namespace lqs
