#pragma once
// A TIFF file read while acquisition software appends to it. Two layouts, as core/tiff.cpp reads
// them offline: one directory per frame, linked into the chain as frames are added; or ImageJ's
// one directory announcing images=N followed by every frame's raw data. The reader remembers where
// the next directory's offset will appear (or the next frame's byte offset), so each poll reads only
// new frames; a frame whose directory is not yet linked or whose pixels reach past the end of the
// file is waited for. Uncompressed strips only (what acquisition software writes).
#include <filesystem>
#include <memory>
#include <optional>
#include <unordered_set>

#include "core/frame_source.hpp"
#include "core/tiff_directory.hpp"

namespace lqs {

class GrowingTiff : public FrameSource {
 public:
  explicit GrowingTiff(std::filesystem::path path);
  Stack poll(std::size_t maxFrames) override;
  std::size_t framesRead() const override { return frames_; }

 private:
  bool started();  // the file, its header and first directory are there (read once)
  void pollDirectories(std::size_t maxFrames);
  void pollContiguous(std::size_t maxFrames);
  // Reads the frame's uncompressed pixels into the collector: at `offset` (ImageJ layout) or from
  // its strips (offset 0).
  void readPixels(const TiffDirectory& dir, std::uint64_t offset);

  std::filesystem::path path_;
  std::unique_ptr<TiffFileView> file_;
  std::optional<TiffHeader> header_;
  std::optional<TiffDirectory> first_;
  bool contiguous_ = false;          // ImageJ layout: frame k at first_'s data + k * frame bytes
  std::uint64_t nextField_ = 0;      // directories layout: where the next directory's offset appears
  std::unordered_set<std::uint64_t> seen_;  // directory offsets read (a looping chain is corrupt)
  std::size_t frames_ = 0;
  FrameCollector collected_;
  std::vector<unsigned char> raw_;
};

}  // namespace lqs
