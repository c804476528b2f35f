#include "tests/support/method_runner.hpp"

#include "engine/factory_benchmarks.hpp"
#include "gpu/devices.hpp"
#include "methods/register_all.hpp"

namespace lqs::test {

MethodRunner::MethodRunner()
    : registry_(buildRegistry(gpu::discoverDevices(gpu::disabledBackendsFromEnvironment()))),
      store_(std::make_unique<RunStore>(home_.path() / "runs.sqlite")),
      engine_(std::make_unique<Engine>(registry_, *store_, Agent(factoryBenchmarks(), 7))) {}

RunReport MethodRunner::report(const std::string& method, std::vector<Data> inputs,
                               const std::map<std::string, std::string>& params, const std::string& implementation) {
  RunRequest request{method, std::move(inputs), params, std::nullopt};
  if (!implementation.empty()) request.implementation = implementation;
  const Job job;
  return engine_->run(request, job);
}

Stack MethodRunner::stack(const std::string& method, std::vector<Data> inputs,
                          const std::map<std::string, std::string>& params, const std::string& implementation) {
  return std::get<Stack>(report(method, std::move(inputs), params, implementation).result.outputs.at(0).data);
}

std::vector<std::string> MethodRunner::implementations(const std::string& method) const {
  std::vector<std::string> names;
  for (const auto& impl : registry_.find(method).implementations) names.push_back(impl.name);
  return names;
}

}  // namespace lqs::test
