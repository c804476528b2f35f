#include "engine/device.hpp"

namespace lqs {

std::string backendName(Backend backend) {
  switch (backend) {
    case Backend::Cpu: return "cpu";
    case Backend::OpenCL: return "opencl";
    case Backend::Cuda: return "cuda";
  }
  return "unknown";
}

std::string Device::identity() const {
  return backendName(backend) + "|" + name + "|" + vendor + "|" + driver + "|" + std::to_string(memoryBytes);
}

}  // namespace lqs
