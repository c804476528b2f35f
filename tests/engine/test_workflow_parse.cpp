// Workflow files that fuzzing (tests/fuzz) found crashing the parser: each is an InputError.
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "engine/workflow.hpp"

using namespace lqs;

TEST_CASE("a workflow with a number beyond a double is an InputError, not an escaped JSON exception") {
  // nlohmann::json throws out_of_range (not parse_error) for these
  for (const char* text : {"{\"steps\": 1e999}", "[44444.3666e690522433358{", "{\"steps\":[{\"method\":\"a\",\"params\":{\"x\":-1e400}}]}"})
    CHECK_THROWS_WITH(parseWorkflow(text, "."), Catch::Contains("not valid JSON"));
}

TEST_CASE("a parsed workflow survives a round trip through its JSON") {
  const Workflow workflow = parseWorkflow(
      R"({"steps":[{"method":"srrf","inputs":["a.tif"],"output":"b.tif","params":{"magnification":5,"on":true,"mode":"x"}}]})",
      "/data");
  const Workflow again = parseWorkflow(workflowToJson(workflow), "/data");
  REQUIRE(again.steps.size() == 1);
  CHECK(again.steps[0].params == workflow.steps[0].params);
  CHECK(again.steps[0].params.at("on") == "true");
  CHECK(again.resolve("b.tif") == std::filesystem::path("/data/b.tif"));
}
