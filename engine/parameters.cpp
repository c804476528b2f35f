#include "engine/parameters.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "core/errors.hpp"

namespace lqs {

ParamSpec realParam(std::string name, std::string value, double min, double max, std::string help) {
  return {std::move(name), ParamType::Real, std::move(value), min, max, {}, std::move(help)};
}
ParamSpec integerParam(std::string name, std::string value, double min, double max, std::string help) {
  return {std::move(name), ParamType::Integer, std::move(value), min, max, {}, std::move(help)};
}
ParamSpec flagParam(std::string name, std::string value, std::string help) {
  return {std::move(name), ParamType::Boolean, std::move(value), 0, 0, {}, std::move(help)};
}
ParamSpec choiceParam(std::string name, std::string value, std::vector<std::string> choices, std::string help) {
  return {std::move(name), ParamType::Choice, std::move(value), 0, 0, std::move(choices), std::move(help)};
}

const ParamValue& ParamValues::get(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) throw ParameterError("parameter '" + name + "' is not set");
  return it->second;
}

double ParamValues::real(const std::string& name) const { return std::get<double>(get(name)); }
int ParamValues::integer(const std::string& name) const {
  return static_cast<int>(std::lround(std::get<double>(get(name))));
}
bool ParamValues::flag(const std::string& name) const { return std::get<bool>(get(name)); }
const std::string& ParamValues::choice(const std::string& name) const {
  return std::get<std::string>(get(name));
}

std::string ParamValues::text(const ParamValue& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  std::ostringstream out;
  out << std::get<double>(value);
  return out.str();
}

static std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

static std::string rangeText(const ParamSpec& spec) {
  std::ostringstream out;
  out << "[" << spec.min << ", " << spec.max << "]";
  return out.str();
}

static ParamValue parseValue(const ParamSpec& spec, const std::string& text, const std::string& method) {
  const std::string where = method + ": " + spec.name + "=" + text + ": ";
  switch (spec.type) {
    case ParamType::Boolean: {
      const std::string v = lower(text);
      if (v == "true" || v == "1" || v == "yes" || v == "on") return true;
      if (v == "false" || v == "0" || v == "no" || v == "off") return false;
      throw ParameterError(where + "expected true/false/1/0");
    }
    case ParamType::Choice: {
      const std::string v = lower(text);
      for (const auto& choice : spec.choices)
        if (lower(choice) == v) return choice;
      std::string allowed;
      for (const auto& choice : spec.choices) allowed += (allowed.empty() ? "" : ", ") + choice;
      throw ParameterError(where + "expected one of " + allowed);
    }
    case ParamType::Integer:
    case ParamType::Real: {
      double value = 0;
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        throw ParameterError(where + "expected a number");
      if (spec.type == ParamType::Integer && value != std::floor(value))
        throw ParameterError(where + "expected a whole number");
      if (value < spec.min || value > spec.max)
        throw ParameterError(where + "out of range " + rangeText(spec));
      return value;
    }
  }
  throw ParameterError(where + "unknown parameter type");
}

ParamValues resolveParameters(const std::vector<ParamSpec>& specs,
                              const std::map<std::string, std::string>& given,
                              const std::string& methodName) {
  for (const auto& entry : given) {
    const std::string& name = entry.first;  // a named reference: clang 14 cannot capture bindings
    const bool known = std::any_of(specs.begin(), specs.end(), [&](const ParamSpec& s) { return s.name == name; });
    if (!known) {
      std::string names;
      for (const auto& s : specs) names += (names.empty() ? "" : ", ") + s.name;
      throw ParameterError(methodName + " has no parameter '" + name + "'" +
                           (names.empty() ? " (it takes none)" : "; it takes: " + names));
    }
  }
  ParamValues values;
  for (const auto& spec : specs) {
    const auto it = given.find(spec.name);
    values.set(spec.name, parseValue(spec, it == given.end() ? spec.defaultValue : it->second, methodName));
  }
  return values;
}

std::pair<std::string, std::string> parseAssignment(const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ParameterError("--set expects NAME=VALUE, got '" + assignment + "'");
  return {assignment.substr(0, eq), assignment.substr(eq + 1)};
}

std::map<std::string, std::string> parseAssignments(const std::vector<std::string>& assignments) {
  std::map<std::string, std::string> params;
  for (const auto& assignment : assignments) {
    auto [name, value] = parseAssignment(assignment);
    const auto [at, added] = params.emplace(name, value);
    if (!added)
      throw ParameterError("--set " + name + " given twice ('" + at->second + "' and '" + value +
                           "'); give it once");
  }
  return params;
}

}  // namespace lqs
