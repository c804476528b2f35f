// libFuzzer target: the TIFF reader (shape, calibration, pixels) on arbitrary bytes. The input is
// put in an anonymous in-memory file, so the reader runs exactly as on a file on disk.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/errors.hpp"
#include "core/tiff.hpp"

namespace {

std::string memoryFile(const std::uint8_t* data, std::size_t size) {
  static const int fd = memfd_create("lqs-fuzz-tiff", 0);
  if (fd < 0 || ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != ssize_t(size)) std::abort();
  return "/proc/self/fd/" + std::to_string(fd);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string path = memoryFile(data, size);
  try {
    const lqs::TiffInfo info = lqs::readTiffInfo(path);
    // The first frames and the last one cover the IFD chain and ImageJ's contiguous frames
    // without reading thousands of tiny frames per input.
    const lqs::Stack head = lqs::readTiff(path, 0, std::min<std::size_t>(info.frames, 4));
    if (head.frames() == 0 || head.rows() != info.rows || head.cols() != info.cols) std::abort();
    if (info.frames > 4) lqs::readTiff(path, info.frames - 1, 1);
  } catch (const lqs::InputError&) {
  } catch (const lqs::ParameterError&) {
  }
  return 0;
}
