#include "methods/families.hpp"

namespace lqs {

void registerRegistration(Registry& /*registry*/, const std::vector<Device>& /*devices*/) {}

}  // namespace lqs
