#pragma once
// What the commands share, built on first use so `lqs --version` touches no device or store.
#include <memory>
#include <vector>

#include "core/device.hpp"
#include "engine/engine.hpp"
#include "engine/registry.hpp"
#include "engine/run_store.hpp"

namespace lqs::cli {

class Session {
 public:
  const std::vector<Device>& devices();
  const Registry& registry();
  RunStore& store();
  Engine& engine();

 private:
  std::unique_ptr<std::vector<Device>> devices_;
  std::unique_ptr<Registry> registry_;
  std::unique_ptr<RunStore> store_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace lqs::cli
