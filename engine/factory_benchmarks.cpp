#include "engine/factory_benchmarks.hpp"

#include <nlohmann/json.hpp>

namespace lqs {

extern const char* const kFactoryBenchmarksJson;  // generated from resources/benchmarks/factory.json

std::vector<FactoryBenchmark> parseFactoryBenchmarks(const std::string& json) {
  std::vector<FactoryBenchmark> benchmarks;
  const auto document = nlohmann::json::parse(json, nullptr, false);
  if (!document.is_object() || !document.contains("benchmarks")) return benchmarks;
  for (const auto& entry : document["benchmarks"])
    benchmarks.push_back({entry.value("method", ""), entry.value("implementation", ""), entry.value("score", 1.0),
                          entry.value("seconds", 0.0)});
  return benchmarks;
}

std::vector<FactoryBenchmark> factoryBenchmarks() { return parseFactoryBenchmarks(kFactoryBenchmarksJson); }

}  // namespace lqs
