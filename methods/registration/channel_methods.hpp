#pragma once
// channel-estimate, channel-apply and channel-register (channel_field.hpp does the work).
#include "core/device.hpp"
#include "engine/registry.hpp"

namespace lqs {

void registerChannelMethods(Registry& registry, const Device& cpu);

}  // namespace lqs
