#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "engine/run_store.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

static RunRecord sampleRun(int i) { return {"m", "cpu:tbb", "dev", "shape(1)", 1.0, 0.01 * i, 1e9 + i, true}; }

TEST_CASE("runs are recorded, read back, bounded per key and cleared") {
  TempDir dir;
  RunStore store(dir / "runs.sqlite");
  REQUIRE(store.persistent());
  for (int i = 0; i < RunStore::kKeptPerKey + 20; ++i) store.record(sampleRun(i));
  const auto runs = store.runsOf("m");
  CHECK(runs.size() == std::size_t(RunStore::kKeptPerKey));
  CHECK(runs.back().seconds == Approx(0.01 * (RunStore::kKeptPerKey + 19)));
  store.clear();
  CHECK(store.count() == 0);
  CHECK_FALSE(store.takeWarning());
}

TEST_CASE("a corrupt store warns once and keeps working in memory") {
  TempDir dir;
  std::ofstream(dir / "runs.sqlite") << std::string(5000, 'x');
  RunStore store(dir / "runs.sqlite");
  store.record(sampleRun(1));
  CHECK(store.runsOf("m").size() == 1);
  const auto warning = store.takeWarning();
  REQUIRE(warning);
  CHECK(warning->find("runs.sqlite") != std::string::npos);
  store.record(sampleRun(2));
  CHECK_FALSE(store.takeWarning());  // said once
}

TEST_CASE("a store in an unusable folder warns and keeps working") {
  TempDir dir;
  std::ofstream(dir / "file") << "a file, not a folder";
  RunStore store(dir / "file" / "runs.sqlite");
  store.record(sampleRun(1));
  CHECK(store.count() == 1);
  CHECK(store.takeWarning());
}

TEST_CASE("a version-1 store is migrated and keeps its runs") {
  TempDir dir;
  sqlite3* db = nullptr;
  sqlite3_open((dir / "runs.sqlite").c_str(), &db);
  sqlite3_exec(db,
               "CREATE TABLE runs(id INTEGER PRIMARY KEY, method TEXT, implementation TEXT, device TEXT, signature TEXT,"
               " score REAL, seconds REAL, time REAL);"
               "INSERT INTO runs(method, implementation, device, signature, score, seconds, time)"
               " VALUES('m', 'cpu:tbb', 'dev', 's', 1, 0.5, 1e9); PRAGMA user_version=1;",
               nullptr, nullptr, nullptr);
  sqlite3_close(db);
  RunStore store(dir / "runs.sqlite");
  REQUIRE(store.persistent());
  const auto runs = store.runsOf("m");
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].ok);
  store.record(RunRecord{"m", "cpu:tbb", "dev", "s", 1, 0.1, 2e9, false});
  CHECK(store.runsOf("m").size() == 2);
}

TEST_CASE("two processes writing at once lose no run") {
  TempDir dir;
  const auto file = dir / "runs.sqlite";
  { RunStore create(file); }
  constexpr int perProcess = 150;
  const pid_t child = fork();
  REQUIRE(child >= 0);
  {
    RunStore store(file);
    for (int i = 0; i < perProcess; ++i) {
      RunRecord run = sampleRun(i);
      run.signature = child == 0 ? "child" : "parent";
      store.record(run);
    }
    if (child == 0) _exit(store.takeWarning() ? 1 : 0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  CHECK(WEXITSTATUS(status) == 0);
  RunStore store(file);
  CHECK(store.count() == 2 * perProcess);
}
