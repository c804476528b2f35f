#include <nlohmann/json.hpp>

#include "app/cli/commands.hpp"
#include "engine/implementation_selector.hpp"

namespace lqs::cli {

static const char* typeName(ParamType type) {
  switch (type) {
    case ParamType::Integer: return "int";
    case ParamType::Real: return "float";
    case ParamType::Boolean: return "bool";
    case ParamType::Choice: return "choice";
  }
  return "?";
}

static nlohmann::json describe(const Method& method) {
  nlohmann::json ports = nlohmann::json::array(), outputs = nlohmann::json::array(),
                 params = nlohmann::json::array(), impls = nlohmann::json::array();
  for (const auto& p : method.spec.inputs)
    ports.push_back({{"name", p.name}, {"kind", p.kind == DataKind::Stack ? "image" : "table"},
                     {"optional", p.optional}, {"help", p.help}});
  for (const auto& p : method.spec.outputs)
    outputs.push_back({{"name", p.name}, {"kind", p.kind == DataKind::Stack ? "image" : "table"}, {"help", p.help}});
  for (const auto& p : method.spec.params) {
    nlohmann::json entry{{"name", p.name}, {"type", typeName(p.type)}, {"default", p.defaultValue}, {"help", p.help}};
    if (p.type == ParamType::Integer || p.type == ParamType::Real) {
      entry["min"] = p.min;
      entry["max"] = p.max;
    }
    if (p.type == ParamType::Choice) entry["choices"] = p.choices;
    params.push_back(entry);
  }
  nlohmann::json shortNames = nlohmann::json::array();
  for (const auto& impl : method.implementations) {
    impls.push_back(impl.name);
    shortNames.push_back(shortName(impl));
  }
  return {{"name", method.spec.name}, {"summary", method.spec.summary}, {"inputs", ports},
          {"outputs", outputs},       {"parameters", params},           {"implementations", impls},
          {"short_names", shortNames}};
}

void addMethodsCommand(CLI::App& app, Session& session) {
  auto* cmd = app.add_subcommand("methods", "List every method, its parameters and implementations");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print JSON");
  cmd->callback([&session, json] {
    const auto& methods = session.registry().methods();
    if (*json) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& m : methods) list.push_back(describe(m));
      std::cout << nlohmann::json{{"methods", list}}.dump() << "\n";
      return;
    }
    for (const auto& m : methods) {
      std::cout << m.spec.name << ": " << m.spec.summary << "\n  inputs:";
      for (const auto& p : m.spec.inputs) std::cout << " " << p.name << (p.optional ? "?" : "");
      std::cout << "\n";
      for (const auto& p : m.spec.params) {
        std::cout << "  --set " << p.name << "=" << p.defaultValue << "  (" << typeName(p.type);
        if (p.type == ParamType::Choice) {
          for (std::size_t i = 0; i < p.choices.size(); ++i) std::cout << (i ? "|" : ": ") << p.choices[i];
        } else if (p.type != ParamType::Boolean) {
          std::cout << " in [" << p.min << ", " << p.max << "]";
        }
        std::cout << ") " << p.help << "\n";
      }
      std::cout << "  implementations:";
      for (const auto& impl : m.implementations) std::cout << " " << shortName(impl);
      std::cout << "\n\n";
    }
  });
}

}  // namespace lqs::cli
