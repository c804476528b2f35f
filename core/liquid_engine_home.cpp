#include "core/liquid_engine_home.hpp"

#include <cstdlib>

namespace lqs {

std::filesystem::path liquidEngineHome() {
  const char* home = std::getenv("LIQUID_ENGINE_HOME");
  if (home && *home) return home;
  const char* user = std::getenv("HOME");
  return std::filesystem::path(user ? user : ".") / ".liquid_engine";
}

}  // namespace lqs
