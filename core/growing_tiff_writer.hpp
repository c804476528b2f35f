#pragma once
// Writes a TIFF frame by frame as acquisition software does, so that live reading can be tested and
// demonstrated (`lqs simulate-acquisition`) and a per-block series can grow while a live run goes
// on. Each frame is written in two steps so a reader can meet it half-written. The file is valid
// for the offline reader (core/tiff.hpp) whenever no frame is half-written.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/stack.hpp"
#include "core/tiff_ifd.hpp"

namespace lqs {

struct GrowingTiffLayout {
  std::size_t rows = 0, cols = 0;
  bool uint16 = false;   // camera counts (rounded, clamped to 0..65535); else float32
  bool imageJ = false;   // one directory announcing `announcedFrames`, then every frame's raw data
  // ImageJ's images= in the first directory (as some acquisition software writes it in either
  // layout); BigTIFF when the announced data passes 4 GB.
  std::size_t announcedFrames = 0;
  bool directoryFirst = true;  // one directory per frame: linked before its pixels (else after)
  PixelSize pixelSize;
  bool bigTiff = false;  // 8-byte offsets from the start (a series of unknown length that may pass 4 GB)
};

class GrowingTiffWriter {
 public:
  // Creates (truncates) the file and writes the header, and in the ImageJ layout its directory.
  GrowingTiffWriter(const std::filesystem::path& path, const GrowingTiffLayout& layout);
  ~GrowingTiffWriter();
  GrowingTiffWriter(const GrowingTiffWriter&) = delete;
  GrowingTiffWriter& operator=(const GrowingTiffWriter&) = delete;

  // The first `fraction` of the frame's pixel bytes and, directory-first, its directory already
  // linked: the state a reader must wait out.
  void beginFrame(const float* pixels, double fraction = 0.5);
  void finishFrame();  // the rest of the pixels; data-first, then the directory and its link
  void append(const float* pixels) {
    beginFrame(pixels);
    finishFrame();
  }
  std::size_t frames() const { return frames_; }

 private:
  // The directory of one frame whose pixels start at `dataOffset`, to be stored at `offset`.
  tiff::Directory directoryAt(std::uint64_t offset, std::uint64_t dataOffset, bool describe) const;
  void writeAt(std::uint64_t offset, const void* bytes, std::size_t count);
  void link(std::uint64_t directory);  // stores its offset where the chain ends
  // One directory per frame: the first carries the ImageJ description when frames are announced.
  bool describeFrame() const { return frames_ == 0 && layout_.announcedFrames > 0; }

  std::filesystem::path path_;
  GrowingTiffLayout layout_;
  int fd_ = -1;
  bool big_ = false;
  std::uint64_t end_ = 0;            // where the next write goes
  std::uint64_t chainEnd_ = 0;       // the field that will hold the next directory's offset
  std::uint64_t imageJData_ = 0;     // ImageJ layout: where frame 0's pixels start
  std::uint64_t framePosition_ = 0;  // where the frame being written goes
  std::vector<unsigned char> pixels_;
  std::size_t written_ = 0, frames_ = 0;
};

}  // namespace lqs
