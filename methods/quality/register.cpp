#include "methods/families.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

void registerQuality(Registry& registry, const std::vector<Device>& devices) {
  const Device& cpu = cpuOf(devices);
  registry.add({frcSpec(), cpuImplementations(cpu, runFrc)});
  registry.add({squirrelSpec(), cpuImplementations(cpu, runSquirrel)});
  registry.add({decorrSpec(), cpuImplementations(cpu, runDecorr)});
}

}  // namespace lqs
