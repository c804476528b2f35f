#include "methods/register_all.hpp"

#include "methods/families.hpp"

namespace lqs {

Registry buildRegistry(const std::vector<Device>& devices) {
  Registry registry;
  registerInterpolation(registry, devices);
  registerConvolution(registry, devices);
  registerDenoise(registry, devices);
  registerSuperResolution(registry, devices);
  registerQuality(registry, devices);
  registerRegistration(registry, devices);
  registerPixel(registry, devices);
  return registry;
}

}  // namespace lqs
