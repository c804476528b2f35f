#pragma once
// The OpenCL side of "one kernel, several back ends": one `opencl:<device>` implementation per
// OpenCL device around the same run function. Without OpenCL in the build there are none.
#include <functional>
#include <vector>

#include "engine/method.hpp"

#ifdef LQS_HAVE_OPENCL
#include "gpu/opencl/opencl_runtime.hpp"
#endif

namespace lqs {

#ifdef LQS_HAVE_OPENCL
using OpenclRun = std::function<Result(const RunContext&, gpu::OpenclDevice&)>;
std::vector<Implementation> openclImplementations(const std::vector<Device>& devices, const OpenclRun& run,
                                                  const std::string& variant = "opencl");

// Sets a kernel's arguments in order.
template <class... Args>
void setArguments(cl::Kernel& kernel, const Args&... args) {
  cl_uint index = 0;
  (kernel.setArg(index++, args), ...);
}
#endif

}  // namespace lqs
