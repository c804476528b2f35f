// Workflow files: those that fuzzing (tests/fuzz) found crashing the parser (each an InputError),
// unknown keys, and steps whose files would destroy or misread data (refused before any step runs).
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "core/random_stack.hpp"
#include "core/tiff.hpp"
#include "engine/workflow.hpp"
#include "tests/support/method_runner.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

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
  const Workflow channel =
      parseWorkflow(R"({"steps":[{"method":"esrrf","inputs":["a.tif"],"channel":2}]})", ".");
  CHECK(parseWorkflow(workflowToJson(channel), ".").steps[0].channel == 2u);
  CHECK_THROWS_AS(parseWorkflow(R"({"steps":[{"method":"esrrf","channel":0}]})", "."), InputError);
  CHECK_THROWS_AS(parseWorkflow(R"({"steps":[{"method":"esrrf","channel":"red"}]})", "."), InputError);
}

TEST_CASE("a workflow with an unknown key is refused, naming the key") {
  CHECK_THROWS_AS(parseWorkflow(R"({"steps":[{"method":"magnify","paramz":{"magnification":2}}]})", "."),
                  ParameterError);
  CHECK_THROWS_WITH(parseWorkflow(R"({"steps":[{"method":"magnify","paramz":{}}]})", "."),
                    Catch::Contains("\"paramz\""));
  CHECK_THROWS_WITH(parseWorkflow(R"({"steps":[{"method":"magnify"}],"step":[]})", "."),
                    Catch::Contains("\"step\""));
}

TEST_CASE("a workflow whose output replaces an input, or that reads a later step's output, is refused") {
  lqs::test::TempDir dir;
  const auto workflow = [&](const char* text) { return parseWorkflow(text, dir.path()); };
  CHECK_THROWS_AS(checkWorkflowFiles(workflow(
                      R"({"steps":[{"method":"magnify","inputs":["raw.tif"],"output":"raw.tif"}]})")),
                  ParameterError);
  CHECK_THROWS_AS(checkWorkflowFiles(workflow(R"({"steps":[
      {"method":"magnify","inputs":["raw.tif"],"output":"a.tif"},
      {"method":"magnify","inputs":["a.tif"],"output":"raw.tif"}]})")),
                  ParameterError);
  CHECK_THROWS_WITH(checkWorkflowFiles(workflow(R"({"steps":[
      {"method":"magnify","inputs":["b.tif"],"output":"a.tif"},
      {"method":"magnify","inputs":["raw.tif"],"output":"b.tif"}]})")),
                    Catch::Contains("writes only later"));
  CHECK_NOTHROW(checkWorkflowFiles(workflow(R"({"steps":[
      {"method":"magnify","inputs":["raw.tif"],"output":"a.tif"},
      {"method":"magnify","inputs":["a.tif"],"output":"b.tif"}]})")));
}

TEST_CASE("every caller of runWorkflow (CLI, GUI, --each) has output names checked before any step runs") {
  MethodRunner runner;
  TempDir dir;
  writeTiff(randomStack(4, 16, 16, 1), dir / "raw.tif");
  // step 1 would write m.tif; step 2 names a table (drift-estimate) as a .tif
  const Workflow workflow =
      parseWorkflow(R"({"steps":[{"method":"magnify","inputs":["raw.tif"],"output":"m.tif"},)"
                    R"({"method":"drift-estimate","inputs":["raw.tif"],"output":"d.tif"}]})",
                    dir.path());
  int ran = 0;
  CHECK_THROWS_AS(runWorkflow(
                      workflow, runner.engine(), Job{},
                      [&](const std::string& name) -> Data { return readTiff(workflow.resolve(name)); },
                      [&](const StepOutcome&) { ++ran; }),
                  ParameterError);
  CHECK(ran == 0);
}
