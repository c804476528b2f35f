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

void AtomicFile::commit() {
  std::error_code ec;
  fs::rename(temporary_, target_, ec);
  if (ec) throw InputError("cannot write " + target_.string() + ": " + ec.message());
  committed_ = true;
}

}  // namespace lqs
