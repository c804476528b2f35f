#pragma once
// Writes a file under a temporary name beside the target and renames it on commit(), so an output
// is either complete or absent. The temporary is removed if commit() is never reached.
#include <filesystem>

namespace lqs {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);  // throws InputError if the folder is missing
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  const std::filesystem::path& temporaryPath() const { return temporary_; }
  void commit();  // rename over the target; throws InputError on failure

 private:
  std::filesystem::path target_, temporary_;
  bool committed_ = false;
};

}  // namespace lqs
