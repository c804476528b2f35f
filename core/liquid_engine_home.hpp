#pragma once
// The folder the Liquid Engine keeps its state in: $LIQUID_ENGINE_HOME, else ~/.liquid_engine.
#include <filesystem>

namespace lqs {

std::filesystem::path liquidEngineHome();

}  // namespace lqs
