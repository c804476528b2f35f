// writeTiff (core/tiff.hpp). ImageJ, Fiji and tifffile read a stack whose first directory announces
// images=N as N frames stored back to back from the first frame's pixels, without following the
// other directories; readers that follow them find one directory per frame. So the file is: the
// header, every frame's directory, then every frame's pixels in order.
#include <algorithm>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "core/tiff_ifd.hpp"
#include "core/tiff_metadata.hpp"

namespace lqs {

namespace {

constexpr std::uint64_t kDataAlignment = 16;

// One float32 frame in one strip at `dataOffset`; the description only in the first directory.
tiff::Directory frameDirectory(const Stack& stack, std::uint64_t offset, std::uint64_t dataOffset,
                               std::uint64_t next, bool bigTiff, const std::string* description) {
  // pixels per unit, no TIFF unit: the unit is ImageJ's unit= in the description
  const double perUnit = stack.pixelSize.unit == "px" ? 1.0 : 1.0 / stack.pixelSize.value;
  return tiff::encodeFrameDirectory({stack.rows(), stack.cols(), 32, 3, dataOffset, perUnit, 1, description}, offset,
                                    bigTiff, next);
}

struct FileLayout {
  bool bigTiff;
  std::uint64_t firstBytes, otherBytes, dataStart;  // directory sizes do not depend on the offsets in them

  std::uint64_t directoryOffset(std::size_t t) const {
    return (bigTiff ? 16 : 8) + (t == 0 ? 0 : firstBytes + (t - 1) * otherBytes);
  }
};

FileLayout layoutFor(const Stack& stack, const std::string& description, bool bigTiff) {
  FileLayout layout{bigTiff, frameDirectory(stack, 0, 0, 0, bigTiff, &description).bytes.size(),
                    frameDirectory(stack, 0, 0, 0, bigTiff, nullptr).bytes.size(), 0};
  const std::uint64_t directoriesEnd = layout.directoryOffset(stack.frames());
  layout.dataStart = (directoriesEnd + kDataAlignment - 1) / kDataAlignment * kDataAlignment;
  return layout;
}

}  // namespace

void writeTiff(const Stack& stack, const std::filesystem::path& path, const std::string& provenance) {
  if (stack.empty()) throw InputError("cannot write an empty image to " + path.string());
  const std::string description = imageJDescription(stack.frames(), stack.planes, stack.pixelSize, provenance);
  FileLayout layout = layoutFor(stack, description, false);
  if (layout.dataStart + stack.size() * sizeof(float) > tiff::kClassicLimit) layout = layoutFor(stack, description, true);

  AtomicFile file(path);
  {
    std::ofstream out(file.temporaryPath(), std::ios::binary | std::ios::trunc);
    const auto write = [&](const void* bytes, std::uint64_t count) {
      out.write(static_cast<const char*>(bytes), std::streamsize(count));
    };
    const auto header = tiff::header(layout.bigTiff, layout.directoryOffset(0));
    write(header.data(), header.size());
    const std::uint64_t frameBytes = stack.frameSize() * sizeof(float);
    for (std::size_t t = 0; t < stack.frames() && out; ++t) {
      const std::uint64_t next = t + 1 < stack.frames() ? layout.directoryOffset(t + 1) : 0;
      const tiff::Directory dir = frameDirectory(stack, layout.directoryOffset(t), layout.dataStart + t * frameBytes,
                                                 next, layout.bigTiff, t == 0 ? &description : nullptr);
      write(dir.bytes.data(), dir.bytes.size());
    }
    const std::vector<char> padding(layout.dataStart - layout.directoryOffset(stack.frames()), 0);
    write(padding.data(), padding.size());
    constexpr std::uint64_t kChunk = std::uint64_t(64) << 20;
    const auto* pixels = reinterpret_cast<const char*>(stack.data());
    for (std::uint64_t done = 0, total = stack.size() * sizeof(float); done < total && out; done += kChunk)
      write(pixels + done, std::min(kChunk, total - done));
    out.close();
    if (!out) throw InputError("cannot write " + path.string() + " (disk full or not writable?)");
  }
  file.commit();
}

}  // namespace lqs
