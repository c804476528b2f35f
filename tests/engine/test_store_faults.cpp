// Fault injection on the run-time store: another process holding the write lock for seconds, a
// writer killed with SIGKILL, a full disk, a read-only folder. Work never stops, and every run
// committed before the fault is still there at the next start.
#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "engine/run_store.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

RunRecord run(const std::string& signature, int i) { return {"m", "cpu:tbb", "dev", signature, 1.0, 0.01 * i, 1e9 + i, true}; }

std::size_t countSignature(RunStore& store, const std::string& signature) {
  std::size_t n = 0;
  for (const auto& r : store.allRuns()) n += r.signature == signature ? 1 : 0;
  return n;
}

// Runs `body` in a child process; its return value is the child's exit code.
int inChild(const std::function<int()>& body) {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) _exit(body());
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

}  // namespace

TEST_CASE("a store locked by another process for seconds: writers wait, nothing is lost, no warning") {
  TempDir dir;
  const fs::path file = dir / "runs.sqlite";
  { RunStore create(file); }
  int locked[2];
  REQUIRE(pipe(locked) == 0);
  const pid_t holder = fork();
  REQUIRE(holder >= 0);
  if (holder == 0) {
    sqlite3* db = nullptr;
    sqlite3_open(file.c_str(), &db);
    const bool ok = sqlite3_exec(db, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK;
    const char byte = ok ? 1 : 0;
    (void)!write(locked[1], &byte, 1);
    sleep(2);  // far past SQLite's default of failing at once, within the store's busy timeout
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    _exit(0);
  }
  char byte = 0;
  REQUIRE(read(locked[0], &byte, 1) == 1);
  REQUIRE(byte == 1);  // the other process holds the write lock now
  RunStore store(file);
  for (int i = 0; i < 5; ++i) store.record(run("while-locked", i));
  waitpid(holder, nullptr, 0);
  CHECK_FALSE(store.takeWarning());
  CHECK(store.persistent());
  RunStore reopened(file);
  CHECK(countSignature(reopened, "while-locked") == 5);
}

TEST_CASE("a writer killed with SIGKILL: the next start works and keeps every committed run") {
  TempDir dir;
  const fs::path file = dir / "runs.sqlite";
  { RunStore create(file); }
  int committed[2];
  REQUIRE(pipe(committed) == 0);
  const pid_t writer = fork();
  REQUIRE(writer >= 0);
  if (writer == 0) {
    RunStore store(file);
    for (int i = 0;; ++i) {
      store.record(run("killed", i));
      const int done = i + 1;  // record() returned: this run is committed
      (void)!write(committed[1], &done, sizeof done);
    }
  }
  close(committed[1]);
  int done = 0;
  while (done < 40) REQUIRE(read(committed[0], &done, sizeof done) == sizeof done);
  kill(writer, SIGKILL);  // in the middle of a later insert or trim
  waitpid(writer, nullptr, 0);
  int last = done;
  while (read(committed[0], &last, sizeof last) == sizeof last) done = last;  // reported before the kill
  RunStore store(file);
  CHECK(store.persistent());
  CHECK_FALSE(store.takeWarning());
  CHECK(countSignature(store, "killed") >= std::size_t(done));
  store.record(run("after", 1));
  CHECK(countSignature(store, "after") == 1);
}

TEST_CASE("a full disk while writing: the store warns once, keeps working in memory, the file stays usable") {
  TempDir dir;
  const fs::path file = dir / "runs.sqlite";
  {
    RunStore create(file);
    create.record(run("before", 0));
  }
  // RLIMIT_FSIZE makes writes past the limit fail (EFBIG) exactly as a full disk does
  const int code = inChild([&] {
    signal(SIGXFSZ, SIG_IGN);
    RunStore store(file);
    const rlimit limit{rlim_t(fs::file_size(file) + 4096), rlim_t(fs::file_size(file) + 4096)};
    setrlimit(RLIMIT_FSIZE, &limit);
    int warnings = 0;
    for (int i = 0; i < 2000; ++i) {
      store.record(run(std::string(400, 'x') + std::to_string(i), i));
      warnings += store.takeWarning() ? 1 : 0;
    }
    const auto runs = store.runsOf("m");  // in memory once the disk is full: the last run is there
    const bool kept = !runs.empty() && runs.back().time == 1e9 + 1999;
    return warnings == 1 && !store.persistent() && kept ? 0 : 1;
  });
  CHECK(code == 0);
  RunStore store(file);
  CHECK(store.persistent());
  CHECK_FALSE(store.takeWarning());
  CHECK(countSignature(store, "before") == 1);
  store.record(run("after", 1));
  CHECK(countSignature(store, "after") == 1);
}

TEST_CASE("a store in a read-only folder warns once and keeps working in memory; its runs stay") {
  TempDir dir;
  const fs::path folder = dir / "home";
  {
    RunStore create(folder / "runs.sqlite");
    create.record(run("before", 0));
  }
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(folder, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                              fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const int code = inChild([&] {
    // root ignores permissions: become nobody, as a user without write access would be
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) return 2;
    RunStore store(folder / "runs.sqlite");
    store.record(run("read-only", 1));
    store.record(run("read-only", 2));
    const bool warned = store.takeWarning().has_value();
    return warned && !store.takeWarning() && countSignature(store, "read-only") == 2 ? 0 : 1;
  });
  fs::permissions(folder, fs::perms::owner_all);
  CHECK(code == 0);
  RunStore store(folder / "runs.sqlite");
  CHECK(countSignature(store, "before") == 1);
}
