#pragma once
#include <vector>

#include "core/device.hpp"
#include "engine/registry.hpp"

namespace lqs {

// Every method family, each registering the implementations `devices` can run.
Registry buildRegistry(const std::vector<Device>& devices);

}  // namespace lqs
