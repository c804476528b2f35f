#include "methods/families.hpp"

namespace lqs {

void registerConvolution(Registry& /*registry*/, const std::vector<Device>& /*devices*/) {}

}  // namespace lqs
