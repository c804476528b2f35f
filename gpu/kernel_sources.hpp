#pragma once
// Kernel sources (gpu/kernels/*), embedded in the binary at build time.
#include <string>
#include <string_view>

namespace lqs::gpu {

// The text of one embedded file; throws std::out_of_range for an unknown name.
std::string_view kernelSource(std::string_view fileName);
// `fileName` with every `#include "x.h"` replaced by the embedded file, each file once.
std::string expandedKernelSource(std::string_view fileName);

}  // namespace lqs::gpu
