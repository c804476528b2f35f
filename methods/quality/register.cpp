#include "methods/families.hpp"

namespace lqs {

void registerQuality(Registry& /*registry*/, const std::vector<Device>& /*devices*/) {}

}  // namespace lqs
