#include "methods/families.hpp"

namespace lqs {

void registerInterpolation(Registry& /*registry*/, const std::vector<Device>& /*devices*/) {}

}  // namespace lqs
