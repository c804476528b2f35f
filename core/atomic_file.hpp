#pragma once
// Writes a file under a temporary name beside the target and renames it on commit(), so an output
// is either complete or absent. The temporary is removed if commit() is never reached; one left by
// a process that was killed (SIGKILL, a power cut) is removed by the next AtomicFile in its folder.
// commit() makes the file and the rename durable (fsync) unless LQS_FSYNC=0 (docs/reliability.md).
#include <filesystem>
#include <functional>
#include <ostream>

namespace lqs {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);  // throws InputError if the folder is missing
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temporaryPath() const { return temporary_; }
  // Writes the temporary as text through `print`; InputError naming the target when it cannot be
  // written (disk full, folder not writable).
  void writeText(const std::function<void(std::ostream&)>& print) const;
  void commit();  // rename over the target; throws InputError on failure

 private:
  std::filesystem::path target_, temporary_;
  bool committed_ = false;
};

// The temporaries (".NAME.part-HOST-PID", and ".old" copies of replaced outputs) in `folder` of
// processes of this host that no longer run; returns how many were removed.
std::size_t removeStaleTemporaries(const std::filesystem::path& folder);

}  // namespace lqs
