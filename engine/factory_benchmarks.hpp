#pragma once
// Factory benchmarks: run times shipped with the program (resources/benchmarks/factory.json,
// embedded at build time) that the agent uses until this machine has its own.
#include <string>
#include <vector>

#include "engine/agent.hpp"

namespace lqs {

std::vector<FactoryBenchmark> factoryBenchmarks();  // the embedded set
std::vector<FactoryBenchmark> parseFactoryBenchmarks(const std::string& json);

}  // namespace lqs
