#include "core/device.hpp"

namespace lqs {

std::string backendName(Backend backend) {
  switch (backend) {
    case Backend::Cpu:
      return "cpu";
    case Backend::OpenCL:
      return "opencl";
    case Backend::Cuda:
      return "cuda";
  }
  return "unknown";
}

// Memory is left out: PoCL reports a share of the RAM free at start-up, which changes from run to
// run and would throw the device's history away each time; the name tells hardware apart.
std::string Device::identity() const {
  return backendName(backend) + "|" + name + "|" + vendor + "|" + driver;
}

std::string Device::shortName() const {
  if (backend == Backend::Cpu) return "cpu";
  return backendName(backend) + ":" + std::to_string(ordinal);
}

}  // namespace lqs
