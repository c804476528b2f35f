#pragma once
#include <cstdint>

namespace lqs {

// This machine's physical memory, in bytes.
std::uint64_t physicalMemoryBytes();

}  // namespace lqs
