#pragma once
// Parameter declarations and validated values. Every face of a method (CLI --set, workflow JSON,
// GUI panel, benchmark signature) goes through these; none repeats a method's parameter list.
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace lqs {

enum class ParamType { Integer, Real, Boolean, Choice };

struct ParamSpec {
  std::string name;  // snake_case, as in interface.md
  ParamType type = ParamType::Real;
  std::string defaultValue;  // text form, parsed like user input
  double min = -1e300, max = 1e300;  // inclusive range for Integer/Real
  std::vector<std::string> choices;  // for Choice
  std::string help;                  // one line
  bool affectsCost = true;           // part of the run-time signature the agent matches on
};

// Declarations read as one line each in the methods' specs.
ParamSpec realParam(std::string name, std::string value, double min, double max, std::string help);
ParamSpec integerParam(std::string name, std::string value, double min, double max, std::string help);
ParamSpec flagParam(std::string name, std::string value, std::string help);
ParamSpec choiceParam(std::string name, std::string value, std::vector<std::string> choices, std::string help);

using ParamValue = std::variant<double, bool, std::string>;

class ParamValues {
 public:
  double real(const std::string& name) const;
  int integer(const std::string& name) const;
  bool flag(const std::string& name) const;
  const std::string& choice(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) != 0; }

  void set(const std::string& name, ParamValue value) { values_[name] = std::move(value); }
  const std::map<std::string, ParamValue>& all() const { return values_; }
  static std::string text(const ParamValue& value);  // "1.5", "true", "catmull-rom"

 private:
  const ParamValue& get(const std::string& name) const;
  std::map<std::string, ParamValue> values_;
};

// Parses and checks user-given text values against the declaration, filling in defaults.
// Throws ParameterError naming the parameter, the bad value and what is allowed.
ParamValues resolveParameters(const std::vector<ParamSpec>& specs,
                              const std::map<std::string, std::string>& given,
                              const std::string& methodName);

// "name=value" -> {name, value}; throws ParameterError on a malformed assignment.
std::pair<std::string, std::string> parseAssignment(const std::string& assignment);
// The NAME=VALUE assignments as a map; a name given twice is a ParameterError (which one was meant?).
std::map<std::string, std::string> parseAssignments(const std::vector<std::string>& assignments);

}  // namespace lqs
