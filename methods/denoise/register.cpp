#include "methods/families.hpp"

namespace lqs {

void registerDenoise(Registry& /*registry*/, const std::vector<Device>& /*devices*/) {}

}  // namespace lqs
