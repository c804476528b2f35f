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
  temporary_ = folder / ("." + target_.filename().string() + ".part-" + std::to_string(::getpid()));
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
