// drift-estimate's cpu:tbb shares out blocks ("previous") or refinement grid rows ("first"); neither
// may change a result.
#include <catch2/catch.hpp>

#include "tests/support/method_runner.hpp"

using namespace lqs;
using namespace lqs::test;

TEST_CASE("drift-estimate gives the same table on cpu:unthreaded and cpu:tbb") {
  MethodRunner runner;
  const Stack stack = loadRef("drift_stack.tif");
  for (const std::string reference : {"first", "previous"}) {
    INFO(reference);
    const std::map<std::string, std::string> params{{"reference", reference}, {"time_averaging", "1"}};
    const Table serial = std::get<Table>(
        runner.report("drift-estimate", {stack}, params, "cpu:unthreaded").result.outputs.at(0).data);
    const Table tbb = std::get<Table>(
        runner.report("drift-estimate", {stack}, params, "cpu:tbb").result.outputs.at(0).data);
    REQUIRE(serial.rows.size() == tbb.rows.size());
    for (std::size_t t = 0; t < serial.rows.size(); ++t) CHECK(serial.rows[t] == tbb.rows[t]);
  }
}
