#include "methods/families.hpp"
#include "methods/srrf/esrrf.hpp"

namespace lqs {

void registerSuperResolution(Registry& registry, const std::vector<Device>& devices) {
  registry.add({esrrfSpec(), cpuImplementations(cpuOf(devices), runEsrrf)});
}

}  // namespace lqs
