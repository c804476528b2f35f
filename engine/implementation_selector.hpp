#pragma once
// What a user may type to choose where a method runs (`--impl`, a workflow step's "impl",
// LQS_DEVICE): a full implementation name ("opencl:pthread-..."), a short one ("cpu:tbb",
// "cuda-patchwise:0"), a back end ("cuda", "opencl", "cpu"), a device ("opencl:1": every
// implementation on it) or a variant on every device ("opencl-patchwise"). docs/liquid-engine.md.
#include <string>
#include <vector>

#include "engine/method.hpp"

namespace lqs {

// "cpu:tbb" stays as it is; a GPU implementation is its variant and its device's ordinal,
// "opencl:0", "cuda-patchwise:1".
std::string shortName(const Implementation& implementation);

// The implementations `selector` names, in declaration order; empty when it names none.
std::vector<const Implementation*> selectImplementations(const Method& method, const std::string& selector);

// As selectImplementations, but a selector naming none is a ParameterError that lists the forms
// this method offers here.
std::vector<const Implementation*> requireImplementations(const Method& method, const std::string& selector);

// Every form `requireImplementations` accepts for this method, for its error message.
std::string selectorForms(const Method& method);

// What a picker offers (the GUI's "Run on"): the back ends, the GPU devices, then every
// implementation by its short name, or by its full name where the short one names a device.
std::vector<std::string> selectorChoices(const Method& method);

}  // namespace lqs
