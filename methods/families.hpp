#pragma once
// One registration function per method family (methods/<family>/register.cpp).
#include <vector>

#include "core/device.hpp"
#include "engine/registry.hpp"

namespace lqs {

void registerInterpolation(Registry& registry, const std::vector<Device>& devices);
void registerConvolution(Registry& registry, const std::vector<Device>& devices);
void registerDenoise(Registry& registry, const std::vector<Device>& devices);
void registerSuperResolution(Registry& registry, const std::vector<Device>& devices);
void registerQuality(Registry& registry, const std::vector<Device>& devices);
void registerRegistration(Registry& registry, const std::vector<Device>& devices);
void registerPixel(Registry& registry, const std::vector<Device>& devices);

}  // namespace lqs
