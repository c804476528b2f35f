#include "engine/run_store.hpp"

#include <sqlite3.h>

#include <memory>

#include "core/liquid_engine_home.hpp"

namespace lqs {

namespace fs = std::filesystem;

namespace {

struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

Statement prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return nullptr;
  return Statement(raw);
}

std::string text(sqlite3_stmt* s, int column) {
  const auto* value = sqlite3_column_text(s, column);
  return value ? reinterpret_cast<const char*>(value) : "";
}

}  // namespace

fs::path RunStore::defaultFile() {
  return liquidEngineHome() / "runs.sqlite";
}

RunStore::RunStore(fs::path file) : file_(std::move(file)) {
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  if (sqlite3_open_v2(file_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    fail("cannot open");
    return;
  }
  sqlite3_busy_timeout(db_, 10000);  // other processes writing: wait rather than fail
  execute("PRAGMA journal_mode=WAL");
  migrate();
}

RunStore::~RunStore() {
  if (db_) sqlite3_close(db_);
}

void RunStore::fail(const std::string& what) {
  const std::string reason = db_ ? sqlite3_errmsg(db_) : "unknown error";
  if (!warned_) {
    warning_ = "run-time store " + file_.string() + ": " + what + " (" + reason +
               "); timings are kept in memory only and the agent uses factory benchmarks. "
               "Delete the file or fix its folder's permissions to start a fresh store.";
    warned_ = true;
  }
  if (db_) sqlite3_close(db_);
  db_ = nullptr;
}

bool RunStore::execute(const std::string& sql) {
  if (!db_) return false;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK) return true;
  fail("cannot use it");
  return false;
}

// Version 1 stored only successful runs (no `ok` column); version 2 records failures too.
void RunStore::migrate() {
  auto version = prepare(db_, "PRAGMA user_version");
  if (!version || sqlite3_step(version.get()) != SQLITE_ROW) {
    fail("cannot read it (corrupt?)");
    return;
  }
  const int current = sqlite3_column_int(version.get(), 0);
  version.reset();
  if (current > kSchemaVersion) {
    fail("it was written by a newer LiquidScope (schema " + std::to_string(current) + ")");
    return;
  }
  if (current == 0) {
    execute(
        "CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, method TEXT NOT NULL, implementation TEXT NOT NULL,"
        " device TEXT NOT NULL, signature TEXT NOT NULL, score REAL NOT NULL, seconds REAL NOT NULL,"
        " time REAL NOT NULL, ok INTEGER NOT NULL DEFAULT 1);"
        "CREATE INDEX IF NOT EXISTS runs_by_key ON runs(method, implementation, device, signature, time);");
  } else if (current == 1) {
    execute("ALTER TABLE runs ADD COLUMN ok INTEGER NOT NULL DEFAULT 1");
  }
  execute("PRAGMA user_version=" + std::to_string(kSchemaVersion));
}

std::vector<RunRecord> RunStore::runsOf(const std::string& method) {
  std::vector<RunRecord> runs;
  if (!db_) {
    for (const auto& r : memoryOnly_)
      if (r.method == method) runs.push_back(r);
    return runs;
  }
  auto s = prepare(db_,
                   "SELECT method, implementation, device, signature, score, seconds, time, ok FROM runs"
                   " WHERE method = ?1 ORDER BY time, id");
  if (!s) {
    fail("cannot read it (corrupt?)");
    return runsOf(method);
  }
  sqlite3_bind_text(s.get(), 1, method.c_str(), -1, SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW)
    runs.push_back({text(s.get(), 0), text(s.get(), 1), text(s.get(), 2), text(s.get(), 3),
                    sqlite3_column_double(s.get(), 4), sqlite3_column_double(s.get(), 5),
                    sqlite3_column_double(s.get(), 6), sqlite3_column_int(s.get(), 7) != 0});
  if (rc != SQLITE_DONE) {
    s.reset();
    fail("cannot read it (corrupt?)");
  }
  return runs;
}

std::vector<RunRecord> RunStore::allRuns() {
  std::vector<RunRecord> runs;
  if (!db_) return memoryOnly_;
  auto s = prepare(db_, "SELECT DISTINCT method FROM runs ORDER BY method");
  std::vector<std::string> methods;
  while (s && sqlite3_step(s.get()) == SQLITE_ROW) methods.push_back(text(s.get(), 0));
  s.reset();
  for (const auto& method : methods)
    for (auto& run : runsOf(method)) runs.push_back(std::move(run));
  return runs;
}

void RunStore::record(const RunRecord& run) {
  if (!db_) {
    memoryOnly_.push_back(run);
    return;
  }
  auto insert = prepare(db_,
                        "INSERT INTO runs(method, implementation, device, signature, score, seconds, time, ok)"
                        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  auto trim = prepare(db_,
                      "DELETE FROM runs WHERE id IN (SELECT id FROM runs WHERE method = ?1 AND implementation = ?2"
                      " AND device = ?3 AND signature = ?4 ORDER BY time DESC, id DESC LIMIT -1 OFFSET ?5)");
  if (!insert || !trim) {
    fail("cannot write it");
    memoryOnly_.push_back(run);
    return;
  }
  const std::string* texts[] = {&run.method, &run.implementation, &run.device, &run.signature};
  for (int i = 0; i < 4; ++i) {
    sqlite3_bind_text(insert.get(), i + 1, texts[i]->c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(trim.get(), i + 1, texts[i]->c_str(), -1, SQLITE_TRANSIENT);
  }
  sqlite3_bind_double(insert.get(), 5, run.score);
  sqlite3_bind_double(insert.get(), 6, run.seconds);
  sqlite3_bind_double(insert.get(), 7, run.time);
  sqlite3_bind_int(insert.get(), 8, run.ok ? 1 : 0);
  sqlite3_bind_int(trim.get(), 5, kKeptPerKey);
  if (sqlite3_step(insert.get()) != SQLITE_DONE || sqlite3_step(trim.get()) != SQLITE_DONE) {
    insert.reset();
    trim.reset();
    fail("cannot write it (read-only, full or locked too long?)");
    memoryOnly_.push_back(run);
  }
}

bool RunStore::clear() {
  memoryOnly_.clear();
  return execute("DELETE FROM runs");
}

std::size_t RunStore::count() {
  if (!db_) return memoryOnly_.size();
  auto s = prepare(db_, "SELECT COUNT(*) FROM runs");
  if (!s || sqlite3_step(s.get()) != SQLITE_ROW) return 0;
  return std::size_t(sqlite3_column_int64(s.get(), 0));
}

std::optional<std::string> RunStore::takeWarning() {
  auto w = std::move(warning_);
  warning_.reset();
  return w;
}

}  // namespace lqs
