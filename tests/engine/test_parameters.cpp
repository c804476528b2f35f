#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "engine/parameters.hpp"

using namespace lqs;

TEST_CASE("parameters are parsed, defaulted and checked against their declaration") {
  const std::vector<ParamSpec> specs{{"n", ParamType::Integer, "5", 1, 20},
                                     {"x", ParamType::Real, "1.5", 0, 10},
                                     {"on", ParamType::Boolean, "true"},
                                     {"mode", ParamType::Choice, "avg", 0, 0, {"avg", "var"}}};
  const ParamValues defaults = resolveParameters(specs, {}, "m");
  CHECK(defaults.integer("n") == 5);
  CHECK(defaults.real("x") == 1.5);
  CHECK(defaults.flag("on"));
  CHECK(defaults.choice("mode") == "avg");
  const ParamValues given = resolveParameters(specs, {{"n", "7"}, {"on", "0"}, {"mode", "VAR"}}, "m");
  CHECK(given.integer("n") == 7);
  CHECK_FALSE(given.flag("on"));
  CHECK(given.choice("mode") == "var");
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"n", "0"}, {"n", "2.5"}, {"x", "nan"}, {"x", "11"}, {"on", "maybe"}, {"mode", "max"}, {"nope", "1"}}) {
    INFO(name << "=" << value);
    CHECK_THROWS_AS(resolveParameters(specs, {{name, value}}, "m"), ParameterError);
  }
  CHECK_THROWS_AS(parseAssignment("novalue"), ParameterError);
  CHECK(parseAssignment("a=b=c") == std::pair<std::string, std::string>{"a", "b=c"});
}
