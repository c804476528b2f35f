#pragma once
// A folder into which acquisition software writes one TIFF per frame (or per few frames): new files
// are taken in name order once every directory of them is linked and its data written, so a file
// still being written is waited for. Only names after the last file taken are considered, so older
// files are never read again; hidden files (".name") and other extensions are ignored.
#include <filesystem>
#include <optional>
#include <string>

#include "core/frame_source.hpp"

namespace lqs {

class FrameFolder : public FrameSource {
 public:
  explicit FrameFolder(std::filesystem::path folder);
  Stack poll(std::size_t maxFrames) override;
  std::size_t framesRead() const override { return frames_; }

 private:
  std::filesystem::path folder_;
  std::string lastName_;  // the last file taken
  std::optional<PixelSize> pixelSize_;
  FrameCollector collected_;
  std::size_t frames_ = 0;
};

}  // namespace lqs
