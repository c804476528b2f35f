#include "methods/families.hpp"

namespace lqs {

void registerSuperResolution(Registry& /*registry*/, const std::vector<Device>& /*devices*/) {}

}  // namespace lqs
