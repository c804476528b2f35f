#include "core/memory.hpp"

#include <unistd.h>

namespace lqs {

std::uint64_t physicalMemoryBytes() {
  return std::uint64_t(::sysconf(_SC_PHYS_PAGES)) * std::uint64_t(::sysconf(_SC_PAGE_SIZE));
}

}  // namespace lqs
