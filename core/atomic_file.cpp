#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <system_error>

#include "core/errors.hpp"

namespace lqs {

namespace fs = std::filesystem;

namespace {

// This host's name as letters, digits and '-' only, so that it ends a file name unambiguously; a
// process id means nothing on another host sharing the folder.
const std::string& hostTag() {
  static const std::string tag = [] {
    char name[256] = {};
    gethostname(name, sizeof name - 1);
    std::string out;
    for (const char* c = name; *c && out.size() < 64; ++c)
      if (std::isalnum(static_cast<unsigned char>(*c)) || *c == '-') out += *c;
    return out.empty() ? std::string("host") : out;
  }();
  return tag;
}

bool durable() {
  const char* setting = std::getenv("LQS_FSYNC");
  return !(setting && std::string_view(setting) == "0");
}

// fsync of a file or a folder: 0, or the errno of a failure that lost data (a file system that
// cannot sync, EINVAL, loses nothing by it).
int syncPath(const fs::path& path, bool folder) {
  const int fd = ::open(path.c_str(), (folder ? O_RDONLY | O_DIRECTORY : O_WRONLY) | O_CLOEXEC);
  if (fd < 0) return 0;
  const int error = (folder ? ::fsync(fd) : ::fdatasync(fd)) == 0 ? 0 : errno;
  ::close(fd);
  return error == EIO || error == ENOSPC || error == EDQUOT ? error : 0;
}

}  // namespace

std::size_t removeStaleTemporaries(const fs::path& folder) {
  const std::string marker = ".part-" + hostTag() + "-";
  std::size_t removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::size_t at = name.rfind(marker);
    if (name.empty() || name[0] != '.' || at == std::string::npos) continue;
    std::string_view pid = std::string_view(name).substr(at + marker.size());
    if (pid.size() > 4 && pid.substr(pid.size() - 4) == ".old") pid.remove_suffix(4);
    if (pid.empty() || pid.size() > 9 || pid.find_first_not_of("0123456789") != std::string_view::npos)
      continue;
    const long process = std::strtol(std::string(pid).c_str(), nullptr, 10);
    if (process <= 0 || process == ::getpid() || ::kill(pid_t(process), 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (fs::remove(it->path(), ignored)) ++removed;
  }
  return removed;
}

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
  const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw InputError("output folder " + folder.string() + " does not exist; create it first");
  removeStaleTemporaries(folder);
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on a chain of string operator+.
  std::string name = ".";
  name += target_.filename().string();
  name += ".part-";
  name += hostTag();
  name += "-";
  name += std::to_string(::getpid());
  temporary_ = folder / name;
}

void AtomicFile::writeText(const std::function<void(std::ostream&)>& print) const {
  std::ofstream out(temporary_);
  print(out);
  if (!out.flush()) throw InputError("cannot write " + target_.string() + " (disk full or not writable?)");
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

// The data reach the disk before the rename and the rename before commit() returns, so after a
// crash or power cut the target is the old file or the whole new one (never empty, as ext4 can
// leave a renamed file whose data were still in memory). That costs the disk's write time of the
// output (docs/reliability.md gives the figures); LQS_FSYNC=0 skips it for scratch outputs. An
// existing regular file is moved aside first, the new one renamed into a free name, and the old
// one removed: the target is absent between the two renames, never partial.
void AtomicFile::commit() {
  std::error_code ec;
  const bool sync = durable();
  if (const int error = sync ? syncPath(temporary_, false) : 0)
    throw InputError("cannot write " + target_.string() + ": its data did not reach the disk (" +
                     std::error_code(error, std::generic_category()).message() + ")");
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
  if (sync) syncPath(target_.has_parent_path() ? target_.parent_path() : fs::path("."), true);
}

}  // namespace lqs
