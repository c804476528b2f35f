#pragma once
// A method whose implementations take scripted time on a fake clock, so agent tests are exact
// and instant.
#include <functional>
#include <memory>

#include "core/errors.hpp"
#include "engine/engine.hpp"
#include "tests/support/test_support.hpp"

namespace lqs::test {

struct FakeWorld {
  double clock = 0, wallClock = 1.7e9;
  std::size_t call = 0;
  // seconds(implementation, call number, input pixels); a negative value throws DeviceError
  std::function<double(const std::string&, std::size_t, std::size_t)> seconds;
};

inline Registry fakeRegistry(const std::shared_ptr<FakeWorld>& world, const std::vector<std::string>& names,
                             const std::vector<std::string>& devices) {
  Registry registry;
  Method method{{"fake", "scripted", {{"image", DataKind::Stack, ""}}, {{"image", DataKind::Stack, ""}}, {}}, {}};
  for (std::size_t i = 0; i < names.size(); ++i) {
    Device device;
    device.name = devices[i];
    const std::string name = names[i];
    method.implementations.push_back({name, device, [world, name](const RunContext& c) {
                                        const double t = world->seconds(name, world->call, c.stack(0).size());
                                        if (t < 0) throw DeviceError(name + " ran out of memory");
                                        world->clock += t;
                                        return Result{{Output{"image", c.stack(0)}}};
                                      }});
  }
  registry.add(std::move(method));
  return registry;
}

inline Clocks fakeClocks(const std::shared_ptr<FakeWorld>& world) {
  return {[world] { return world->clock; }, [world] { return world->wallClock += 1; }};
}

}  // namespace lqs::test
