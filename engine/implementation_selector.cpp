#include "engine/implementation_selector.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"

namespace lqs {

namespace {

std::string variantOf(const Implementation& implementation) {
  return implementation.name.substr(0, implementation.name.find(':'));
}

// Whether `selector` names `implementation` by one of the forms above.
bool names(const std::string& selector, const Implementation& implementation) {
  const Device& device = implementation.device;
  return selector == implementation.name || selector == shortName(implementation) ||
         selector == backendName(device.backend) || selector == device.shortName() ||
         (device.backend != Backend::Cpu && selector == variantOf(implementation));
}

}  // namespace

std::string shortName(const Implementation& implementation) {
  if (implementation.device.backend == Backend::Cpu) return implementation.name;
  return variantOf(implementation) + ":" + std::to_string(implementation.device.ordinal);
}

std::vector<const Implementation*> selectImplementations(const Method& method, const std::string& selector) {
  // A full name is always one implementation. The plain variant's short name "opencl:0" is also
  // its device's name, and means the device: every implementation on it.
  for (const Implementation& implementation : method.implementations)
    if (selector == implementation.name) return {&implementation};
  std::vector<const Implementation*> selected;
  for (const Implementation& implementation : method.implementations)
    if (names(selector, implementation)) selected.push_back(&implementation);
  return selected;
}

std::vector<const Implementation*> requireImplementations(const Method& method, const std::string& selector) {
  auto selected = selectImplementations(method, selector);
  if (selected.empty())
    throw ParameterError("'" + selector + "' names no implementation of " + method.spec.name +
                         " here; use one of: " + selectorForms(method));
  return selected;
}

std::vector<std::string> selectorChoices(const Method& method) {
  std::vector<std::string> backends, devices, implementations;
  const auto addOnce = [](std::vector<std::string>& list, const std::string& item) {
    if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
  };
  for (const Implementation& implementation : method.implementations) {
    const Device& device = implementation.device;
    addOnce(backends, backendName(device.backend));
    if (device.backend == Backend::Cpu) {
      implementations.push_back(implementation.name);
      continue;
    }
    addOnce(devices, device.shortName());
    const std::string brief = shortName(implementation);
    if (brief != device.shortName()) implementations.push_back(brief);
    // the plain variant's short name is its device's: the device entry reaches it when it is alone there
    else if (selectImplementations(method, brief).size() > 1)
      implementations.push_back(implementation.name);
  }
  for (auto* more : {&devices, &implementations}) backends.insert(backends.end(), more->begin(), more->end());
  return backends;
}

std::string selectorForms(const Method& method) {
  std::set<std::string> backends, devices;
  std::string text;
  for (const Implementation& implementation : method.implementations) {
    const std::string brief = shortName(implementation);
    text += (text.empty() ? "" : ", ") + brief;
    if (brief != implementation.name) text += " (" + implementation.name + ")";
    backends.insert(backendName(implementation.device.backend));
    if (implementation.device.backend != Backend::Cpu) devices.insert(implementation.device.shortName());
  }
  const auto list = [](const std::set<std::string>& items) {
    std::string joined;
    for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
    return joined;
  };
  text += "; a back end: " + list(backends);
  if (!devices.empty()) text += "; a device (every implementation on it): " + list(devices);
  return text;
}

}  // namespace lqs
