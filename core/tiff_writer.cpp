// writeTiff (core/tiff.hpp). ImageJ, Fiji and tifffile read a stack whose first directory announces
// images=N as N frames stored back to back from the first frame's pixels, without following the
// other directories; readers that follow them find one directory per frame. So the file is: the
// header, every frame's directory, then every frame's pixels in order. Past 4 GB it is what ImageJ
// itself writes for such stacks: a classic TIFF with the first directory only (ImageJ 1.x cannot
// open BigTIFF), the frames back to back after it.
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

// The text of the first directory: the description, and the provenance again as ImageJ's Info.
struct FirstDirectoryText {
  std::string description, info;
};

// One float32 frame in one strip at `dataOffset`; the texts only in the first directory.
tiff::Directory frameDirectory(const Stack& stack, std::uint64_t offset, std::uint64_t dataOffset,
                               std::uint64_t next, const FirstDirectoryText* text) {
  // pixels per unit, no TIFF unit: the unit is ImageJ's unit= in the description
  const double perUnit = stack.pixelSize.unit == "px" ? 1.0 : 1.0 / stack.pixelSize.value;
  const std::string* info = text && !text->info.empty() ? &text->info : nullptr;
  return tiff::encodeFrameDirectory(
      {stack.rows(), stack.cols(), 32, 3, dataOffset, perUnit, 1, text ? &text->description : nullptr, info},
      offset, false, next);
}

struct FileLayout {
  std::size_t directories;                          // every frame's, or the first only
  std::uint64_t firstBytes, otherBytes, dataStart;  // directory sizes do not depend on the offsets in them

  std::uint64_t directoryOffset(std::size_t t) const {
    return 8 + (t == 0 ? 0 : firstBytes + (t - 1) * otherBytes);
  }
};

FileLayout layoutFor(const Stack& stack, const FirstDirectoryText& text, std::uint64_t oneDirectoryAbove) {
  FileLayout layout{stack.frames(), frameDirectory(stack, 0, 0, 0, &text).bytes.size(),
                    frameDirectory(stack, 0, 0, 0, nullptr).bytes.size(), 0};
  const auto dataStart = [&] {
    const std::uint64_t directoriesEnd = layout.directoryOffset(layout.directories);
    return (directoriesEnd + kDataAlignment - 1) / kDataAlignment * kDataAlignment;
  };
  layout.dataStart = dataStart();
  if (layout.dataStart + stack.size() * sizeof(float) > oneDirectoryAbove) {
    layout.directories = 1;
    layout.dataStart = dataStart();
  }
  return layout;
}

}  // namespace

void writeTiff(const Stack& stack, const std::filesystem::path& path, const std::string& provenance) {
  writeTiff(stack, path, provenance, tiff::kClassicLimit);
}

void writeTiff(const Stack& stack, const std::filesystem::path& path, const std::string& provenance,
               std::uint64_t oneDirectoryAbove) {
  if (stack.empty()) throw InputError("cannot write an empty image to " + path.string());
  const FirstDirectoryText text{
      imageJDescription(stack.frames(), stack.planes, stack.pixelSize, provenance, stack.channels),
      provenance.empty() ? std::string() : "lqs_provenance=" + provenance};
  const FileLayout layout = layoutFor(stack, text, std::min(oneDirectoryAbove, tiff::kClassicLimit));

  AtomicFile file(path);
  {
    std::ofstream out(file.temporaryPath(), std::ios::binary | std::ios::trunc);
    const auto write = [&](const void* bytes, std::uint64_t count) {
      out.write(static_cast<const char*>(bytes), std::streamsize(count));
    };
    const auto header = tiff::header(false, layout.directoryOffset(0));
    write(header.data(), header.size());
    const std::uint64_t frameBytes = stack.frameSize() * sizeof(float);
    for (std::size_t t = 0; t < layout.directories && out; ++t) {
      const std::uint64_t next = t + 1 < layout.directories ? layout.directoryOffset(t + 1) : 0;
      const tiff::Directory dir =
          frameDirectory(stack, layout.directoryOffset(t), layout.dataStart + t * frameBytes, next,
                         t == 0 ? &text : nullptr);
      write(dir.bytes.data(), dir.bytes.size());
    }
    const std::vector<char> padding(layout.dataStart - layout.directoryOffset(layout.directories), 0);
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
