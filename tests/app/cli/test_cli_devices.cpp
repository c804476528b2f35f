// Short device names as a user types them: lqs info shows them, --impl, a workflow step's "impl"
// and LQS_DEVICE take them, and a name that matches nothing is exit 2 with the list.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

// The short names lqs info reports, in its order.
std::vector<std::string> deviceIds() {
  std::vector<std::string> ids;
  const auto info = nlohmann::json::parse(runLqs("info --json").out);
  for (const auto& device : info["devices"]) ids.push_back(device["id"]);
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("lqs info names the CPU 'cpu' and every other device by back end and ordinal") {
  const auto ids = deviceIds();
  REQUIRE_FALSE(ids.empty());
  CHECK(ids[0] == "cpu");
  for (const std::string backend : {"opencl", "cuda"}) {
    int next = 0;
    for (const auto& id : ids)
      if (id.rfind(backend + ":", 0) == 0) CHECK(id == backend + ":" + std::to_string(next++));
  }
  const Outcome text = runLqs("info");
  CHECK(text.out.find("  cpu ") != std::string::npos);
}

TEST_CASE("lqs run --impl takes a back end, a device or a short name, and lists the choices for a bad one") {
  TempDir dir;
  const std::string sample = (dir / "s.tif").string(), out = (dir / "o.tif").string();
  REQUIRE(runLqs("sample " + sample + " --frames 3 --size 16,12").code == 0);
  const auto runOn = [&](const std::string& impl) {
    return runLqs("run magnify " + sample + " -o " + out + " --impl " + impl + " --json", true);
  };
  const Outcome cpu = runOn("cpu");
  REQUIRE(cpu.code == 0);
  CHECK(nlohmann::json::parse(cpu.out)["implementation"].get<std::string>().rfind("cpu:", 0) == 0);
  const auto ids = deviceIds();
  if (has(ids, "opencl:0")) {
    for (const std::string impl : {"opencl", "opencl:0"}) {
      const Outcome opencl = runOn(impl);
      REQUIRE(opencl.code == 0);
      CHECK(nlohmann::json::parse(opencl.out)["implementation"].get<std::string>().rfind("opencl", 0) == 0);
    }
  }
  const Outcome bad = runOn(has(ids, "cuda:0") ? "cuda:99" : "cuda");
  CHECK(bad.code == 2);
  CHECK(bad.out.find("cpu:tbb") != std::string::npos);
  CHECK(bad.out.find("a back end: cpu") != std::string::npos);
}

TEST_CASE("a workflow step's impl and LQS_DEVICE choose where steps run; a bad LQS_DEVICE is exit 2") {
  TempDir dir;
  const std::string sample = (dir / "s.tif").string();
  REQUIRE(runLqs("sample " + sample + " --frames 3 --size 16,12").code == 0);
  std::ofstream(dir / "w.json") << R"({"steps": [{"method": "magnify", "inputs": ["s.tif"], "output": "m.tif",
                                       "impl": "cpu:unthreaded", "params": {"magnification": 2}}]})";
  const Outcome workflow = runLqs("workflow " + (dir / "w.json").string() + " --json");
  REQUIRE(workflow.code == 0);
  CHECK(nlohmann::json::parse(workflow.out)["steps"][0]["implementation"] == "cpu:unthreaded");
  std::ofstream(dir / "bad.json")
      << R"({"steps": [{"method": "magnify", "inputs": ["s.tif"], "output": "b.tif",
                                         "impl": "tpu"}]})";
  CHECK(runLqs("workflow " + (dir / "bad.json").string()).code == 2);

  const std::string run = "run magnify " + sample + " -o " + (dir / "p.tif").string() + " --json";
  const Outcome pinned = runShell("LQS_DEVICE=cpu " + lqsExecutable() + " " + run + " 2>/dev/null");
  REQUIRE(pinned.code == 0);
  CHECK(nlohmann::json::parse(pinned.out)["implementation"].get<std::string>().rfind("cpu:", 0) == 0);
  const Outcome unknown = runShell("LQS_DEVICE=opencl:99 " + lqsExecutable() + " " + run + " 2>&1");
  CHECK(unknown.code == 2);
  CHECK(unknown.out.find("LQS_DEVICE=opencl:99") != std::string::npos);
}
