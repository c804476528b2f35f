#pragma once
// What the commands share, built on first use so `lqs --version` touches no device or store.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/device.hpp"
#include "engine/engine.hpp"
#include "engine/registry.hpp"
#include "engine/run_store.hpp"

namespace lqs::cli {

class Session {
 public:
  // Before the first use: the implementations a run names (--impl); named, with LQS_DEVICE, onto the
  // CPU only, it discovers no GPU (gpu::backendsUnneededBy).
  void runsOn(std::vector<std::string> impls) { impls_ = std::move(impls); }
  const std::vector<Device>& devices();
  const Registry& registry();
  RunStore& store();
  Engine& engine();

 private:
  std::vector<std::string> impls_;
  std::unique_ptr<std::vector<Device>> devices_;
  std::unique_ptr<Registry> registry_;
  std::unique_ptr<RunStore> store_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace lqs::cli
