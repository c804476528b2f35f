#include "core/atomic_file.hpp"

#include <unistd.h>

#include <system_error>

#include "core/errors.hpp"

namespace lqs {

namespace fs = std::filesystem;

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw InputError("output folder " + folder.string() + " does not exist; create it first");
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on a chain of string operator+.
  std::string name = ".";
  name += target_.filename().string();
  name += ".part-";
  name += std::to_string(::getpid());
  temporary_ = folder / name;
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

// A file renamed over an existing one makes ext4 write the new file's data back before the rename
// (auto_da_alloc): a new 1 GB output then waited 0.5-2.8 s on the disk. So an existing regular
// file is moved aside first, the new one renamed into a free name, and the old one removed; the
// target is absent between the two renames, never partial. (Against a power cut neither way is
// enough without fsync, which costs the whole disk write.)
void AtomicFile::commit() {
  std::error_code ec;
  fs::path aside;
  if (fs::is_regular_file(fs::symlink_status(target_, ec))) {
    aside = temporary_;
    aside += ".old";
    fs::rename(target_, aside, ec);
    if (ec) aside.clear();  // then over it, as before
  }
  fs::rename(temporary_, target_, ec);
  if (ec) {
    std::error_code ignored;
    if (!aside.empty()) fs::rename(aside, target_, ignored);  // the old output stays where it was
    throw InputError("cannot write " + target_.string() + ": " + ec.message());
  }
  committed_ = true;
  if (!aside.empty()) fs::remove(aside, ec);  // a leftover is a hidden file, not a lost output
}

}  // namespace lqs
