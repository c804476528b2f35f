#pragma once
// Every run's time, in SQLite under $LIQUID_ENGINE_HOME (default ~/.liquid_engine/runs.sqlite), shared
// safely by several processes (WAL, busy timeout). A store that cannot be opened, read or written
// never stops work: it degrades to memory only and says so once through warning().
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace lqs {

struct RunRecord {
  std::string method, implementation, device, signature;
  double score = 1, seconds = 0, time = 0;  // time: unix seconds
  bool ok = true;
};

class RunStore {
 public:
  static constexpr int kSchemaVersion = 2;
  static constexpr int kKeptPerKey = 200;  // newest runs kept per method/implementation/device/signature

  explicit RunStore(std::filesystem::path file);  // never throws for store problems
  ~RunStore();
  RunStore(const RunStore&) = delete;
  RunStore& operator=(const RunStore&) = delete;

  static std::filesystem::path defaultFile();  // $LIQUID_ENGINE_HOME/runs.sqlite

  // Runs of one method, oldest first (the in-memory history the agent uses).
  std::vector<RunRecord> runsOf(const std::string& method);
  std::vector<RunRecord> allRuns();
  void record(const RunRecord& run);
  // Deletes every run; false when the store on disk could not be cleared (takeWarning says why).
  bool clear();
  std::size_t count();

  const std::filesystem::path& file() const { return file_; }
  bool persistent() const { return db_ != nullptr; }
  // The one warning about the store, if it failed (then cleared: said once).
  std::optional<std::string> takeWarning();

 private:
  void fail(const std::string& what);
  bool execute(const std::string& sql);
  void migrate();

  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
  std::vector<RunRecord> memoryOnly_;  // used when the database is unavailable
  std::optional<std::string> warning_;
  bool warned_ = false;
};

}  // namespace lqs
