#pragma once
// Finds the compute devices of this machine: the CPU (TBB threads), every OpenCL device of every
// platform, every CUDA device. A missing driver or back end means no device of that kind, silently.
#include <set>
#include <string>
#include <vector>

#include "core/device.hpp"

namespace lqs::gpu {

// The CPU as TBB sees it (LQS_THREADS honoured by the caller through tbb::global_control).
Device cpuDevice();
std::vector<Device> openclDevices();  // empty without OpenCL support in the build or at run time
std::vector<Device> cudaDevices();    // empty without CUDA support in the build or a driver

// All of the above, minus the back ends named in `disabled` ("opencl", "cuda"; from LQS_DISABLE).
std::vector<Device> discoverDevices(const std::set<std::string>& disabled);

// Parses LQS_DISABLE ("opencl,cuda") from the environment.
std::set<std::string> disabledBackendsFromEnvironment();

// The back ends a run does not need when every place it names (--impl values, LQS_DEVICE; empty
// ones name nothing) is on the CPU ("cpu", "cpu:simd"): then OpenCL and CUDA, whose drivers take
// 0.3 s to load on a GPU machine, most of a short run. Otherwise none.
std::set<std::string> backendsUnneededBy(const std::vector<std::string>& places);

}  // namespace lqs::gpu
