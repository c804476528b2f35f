#include "methods/families.hpp"
#include "methods/quality/quality_methods.hpp"

namespace lqs {

void registerQuality(Registry& registry, const std::vector<Device>& devices) {
  const Device& cpu = cpuOf(devices);
  registry.add({frcSpec(), cpuImplementations(cpu, runFrc)});
  registry.add({frcMapSpec(), cpuImplementations(cpu, runFrcMap)});
  Method squirrel{squirrelSpec(), cpuImplementations(cpu, runSquirrel)};
  append(squirrel.implementations, squirrelGpuImplementations(devices));
  registry.add(std::move(squirrel));
  registry.add({decorrSpec(), cpuImplementations(cpu, runDecorr)});
}

}  // namespace lqs
