#pragma once
// A compute device an implementation runs on. Its identity (name, vendor, driver) keys the run
// store, so new hardware or a new driver starts a fresh timing history; its short name (`cpu`,
// `opencl:0`, `cuda:1`) is what a user types.
#include <cstdint>
#include <string>

namespace lqs {

enum class Backend { Cpu, OpenCL, Cuda };

struct Device {
  Backend backend = Backend::Cpu;
  std::string name;  // "AMD EPYC ... (2 threads)", "NVIDIA H100 80GB HBM3", "pthread-..."
  std::string vendor;
  std::string driver;  // driver / runtime version
  std::uint64_t memoryBytes = 0;
  int platformIndex = 0;  // OpenCL platform index; 0 otherwise
  int deviceIndex = 0;    // index within the platform (OpenCL) or CUDA ordinal
  int ordinal = 0;        // position among this back end's devices in discovery order

  std::string identity() const;   // stable text: backend|name|vendor|driver
  std::string shortName() const;  // "cpu", "opencl:0", "cuda:0"
};

std::string backendName(Backend backend);  // "cpu", "opencl", "cuda"

}  // namespace lqs
