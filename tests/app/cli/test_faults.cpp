// Fault injection on `lqs run`: SIGINT at random points of a long run, a read-only output folder and
// a full disk while the TIFF is written. Each: the documented exit code, one clear line, the input
// untouched and no output or temporary file left behind.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <fstream>
#include <iterator>
#include <random>

#include "tests/app/cli/run_lqs.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

std::string bytesOf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> namesIn(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The exit code's line printed by the shell after `command` (an lqs run) ends.
int exitCodeOf(const std::string& command) {
  const Outcome outcome = runShell(command + "; echo \"exit=$?\"");
  const auto at = outcome.out.rfind("exit=");
  return at == std::string::npos ? -1 : std::stoi(outcome.out.substr(at + 5));
}

}  // namespace

// SIGTERM (a scheduler or `kill`) and SIGHUP (a closed terminal) stop a run as Ctrl-C does, with the
// exit codes a shell gives for those signals.
TEST_CASE(
    "SIGINT, SIGTERM or SIGHUP at random points of a long run: 130, 143, 129, no output, the input "
    "untouched") {
  TempDir dir;
  const fs::path input = dir / "long.tif", output = dir / "sr.tif";
  REQUIRE(runLqs("sample " + input.string() + " --frames 400 --size 96,96").code == 0);
  const std::string before = bytesOf(input);
  std::mt19937 random(2026);
  std::uniform_real_distribution<double> delay(0.0, 1.5);  // the run takes several seconds
  for (const auto& [signal, expected] :
       std::vector<std::pair<std::string, int>>{{"INT", 130}, {"INT", 130}, {"TERM", 143}, {"HUP", 129}}) {
    const double seconds = delay(random);
    INFO("SIG" << signal << " after " << seconds << " s");
    const int code = exitCodeOf(lqsExecutable() + " run esrrf " + input.string() + " -o " + output.string() +
                                " --impl cpu:unthreaded 2>/dev/null & pid=$!; sleep " +
                                std::to_string(seconds) + "; kill -" + signal + " $pid; wait $pid");
    CHECK(code == expected);
    CHECK(namesIn(dir.path()) == std::vector<std::string>{"long.tif"});  // no output, no temporary
    CHECK(bytesOf(input) == before);
  }
}

// SIGKILL (or a power cut) cannot be handled: the temporary of a killed write is removed by the next
// run that writes into the folder, while one of a process still running is left alone.
TEST_CASE("the temporary a killed process left is removed by the next run; a running one's is kept") {
  TempDir dir;
  const fs::path input = dir / "in.tif";
  REQUIRE(runLqs("sample " + input.string() + " --frames 3 --size 32,32").code == 0);
  // what `lqs` names its temporaries: .NAME.part-HOST-PID (core/atomic_file.cpp)
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  std::string tag;
  for (const char* c = host; *c; ++c)
    if (std::isalnum(static_cast<unsigned char>(*c)) || *c == '-') tag += *c;
  const pid_t dead = fork();
  if (dead == 0) _exit(0);
  waitpid(dead, nullptr, 0);  // reaped: its id names no process now
  const std::string killed = ".big.tif.part-" + tag + "-" + std::to_string(dead);
  const std::string running = ".other.tif.part-" + tag + "-" + std::to_string(getpid());
  const std::string elsewhere = ".third.tif.part-otherhost-" + std::to_string(dead);
  for (const auto& name : {killed, killed + ".old", running, elsewhere})
    std::ofstream(dir / name) << "partial";
  REQUIRE(runLqs("run magnify " + input.string() + " -o " + (dir / "m.tif").string()).code == 0);
  CHECK_FALSE(fs::exists(dir / killed));
  CHECK_FALSE(fs::exists(dir / (killed + ".old")));
  CHECK(fs::exists(dir / running));
  CHECK(fs::exists(dir / elsewhere));  // a process id of another host sharing the folder means nothing here
  CHECK(fs::exists(dir / "m.tif"));
}

TEST_CASE(
    "store export to a full disk and store clear of a damaged store fail with exit 3, leaving nothing") {
  TempDir dir;
  const fs::path home = dir / "home", csv = dir / "runs.csv";
  fs::create_directories(home);
  const std::string env = "LIQUID_ENGINE_HOME=" + home.string() + " ";
  for (int i = 0; i < 3; ++i)  // 400 runs, 200 of each CPU implementation: a CSV of ~60 KB
    REQUIRE(
        runShell(env + lqsExecutable() + " bench magnify --shape 1,8,8 --repeat 200 --impl cpu >/dev/null")
            .code == 0);
  // the file size limit (36 KB, room for SQLite's 32 KB shared-memory file) fails the CSV's write
  // where a full disk would
  const Outcome full = runShell(env + "sh -c 'trap \"\" XFSZ; ulimit -f 72; " + lqsExecutable() +
                                " store export " + csv.string() + "' 2>&1; echo \"exit=$?\"");
  CHECK(full.out.find("exit=3") != std::string::npos);
  CHECK(full.out.find("disk full") != std::string::npos);
  CHECK(namesIn(dir.path()) == std::vector<std::string>{"home"});  // no truncated CSV, no temporary
  REQUIRE(runShell(env + lqsExecutable() + " store export " + csv.string()).code == 0);
  CHECK(fs::file_size(csv) > 72 * 512);

  std::ofstream(home / "runs.sqlite", std::ios::trunc)
      << "not a database, but long enough to look like one's header\n";
  for (const std::string& command :
       std::vector<std::string>{" store clear", " store export " + csv.string()}) {
    const Outcome damaged = runShell(env + lqsExecutable() + command + " 2>&1; echo \"exit=$?\"");
    CHECK(damaged.out.find("exit=3") != std::string::npos);
    CHECK(damaged.out.find("runs.sqlite") != std::string::npos);
    CHECK(damaged.out.find("cleared ") == std::string::npos);
  }
}

TEST_CASE("a read-only output folder: exit 3, one line naming the folder, no file") {
  TempDir dir;
  const fs::path input = dir / "in.tif", readOnly = dir / "read-only", home = dir / "home";
  REQUIRE(runLqs("sample " + input.string() + " --frames 3 --size 32,32").code == 0);
  fs::create_directories(readOnly);
  fs::create_directories(home);
  fs::permissions(home, fs::perms::all);
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(readOnly, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::others_read |
                                fs::perms::others_exec);
  // root ignores permissions: run as nobody, as a user without write access would
  const std::string user = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
  const Outcome outcome = runShell("LIQUID_ENGINE_HOME=" + home.string() + " " + user + lqsExecutable() + " run magnify " +
                                   input.string() + " -o " + (readOnly / "out.tif").string() + " 2>&1; echo \"exit=$?\"");
  fs::permissions(readOnly, fs::perms::owner_all);
  CHECK(outcome.out.find("exit=3") != std::string::npos);
  CHECK(outcome.out.find(readOnly.string()) != std::string::npos);
  CHECK(outcome.out.find("writable") != std::string::npos);
  CHECK(std::count(outcome.out.begin(), outcome.out.end(), '\n') == 2);  // the error line and exit=
  CHECK(namesIn(readOnly).empty());
}

TEST_CASE("a full disk while the TIFF is written: exit 3, a clear error, no half file, the input untouched") {
  TempDir dir;
  const fs::path input = dir / "in.tif", output = dir / "big.tif";
  REQUIRE(runLqs("sample " + input.string() + " --frames 20 --size 64,64").code == 0);
  const std::string before = bytesOf(input);
  // a file size limit fails writes (EFBIG) exactly where a full disk would; SIGXFSZ is ignored so
  // lqs sees the error instead of being killed. The magnified output (5 MB) is far over the limit.
  // One CPU implementation: whichever the agent's history picks must not matter, and PoCL aborts
  // the process when the limit stops it writing its kernel cache.
  const Outcome outcome = runShell("trap '' XFSZ; ulimit -f 400; " + lqsExecutable() + " run magnify " +
                                   input.string() + " -o " + output.string() +
                                   " --set magnification=4 --impl cpu:unthreaded 2>&1; echo \"exit=$?\"");
  CHECK(outcome.out.find("exit=3") != std::string::npos);
  CHECK(outcome.out.find("disk full") != std::string::npos);
  CHECK(namesIn(dir.path()) == std::vector<std::string>{"in.tif"});
  CHECK(bytesOf(input) == before);
}
