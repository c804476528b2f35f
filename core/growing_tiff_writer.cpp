#include "core/growing_tiff_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/errors.hpp"
#include "core/tiff_ifd.hpp"
#include "core/tiff_metadata.hpp"

namespace lqs {

GrowingTiffWriter::GrowingTiffWriter(const std::filesystem::path& path, const GrowingTiffLayout& layout)
    : path_(path), layout_(layout) {
  if (layout.rows == 0 || layout.cols == 0) throw ParameterError("a growing TIFF needs a frame size");
  if (layout.imageJ && layout.announcedFrames < 2)
    throw ParameterError("the ImageJ layout announces its frames: at least 2");
  pixels_.resize(layout.rows * layout.cols * (layout.uint16 ? 2 : 4));
  big_ = layout.bigTiff || std::uint64_t(layout.announcedFrames) * pixels_.size() > (std::uint64_t(4000) << 20);
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd_ < 0) throw InputError("cannot write " + path.string() + ": " + std::strerror(errno));
  const std::vector<unsigned char> header = tiff::header(big_, 0);
  writeAt(0, header.data(), header.size());
  chainEnd_ = big_ ? 8 : 4;
  end_ = header.size();
  if (!layout.imageJ) return;
  const std::uint64_t directoryBytes = directoryAt(end_, 0, true).bytes.size();
  imageJData_ = end_ + directoryBytes;
  const tiff::Directory dir = directoryAt(end_, imageJData_, true);
  writeAt(end_, dir.bytes.data(), dir.bytes.size());
  link(end_);
  chainEnd_ = dir.nextField;
  end_ = imageJData_;
}

GrowingTiffWriter::~GrowingTiffWriter() { ::close(fd_); }

tiff::Directory GrowingTiffWriter::directoryAt(std::uint64_t offset, std::uint64_t dataOffset, bool describe) const {
  const std::string description = describe ? imageJDescription(layout_.announcedFrames, 1, PixelSize{}) : "";
  // pixels per centimetre, which core/tiff.cpp reads back as micrometres per pixel
  const bool calibrated = layout_.pixelSize.unit != "px";
  const tiff::Frame frame{layout_.rows, layout_.cols, std::uint16_t(layout_.uint16 ? 16 : 32),
                          std::uint16_t(layout_.uint16 ? 1 : 3), dataOffset,
                          calibrated ? 1e4 / layout_.pixelSize.value : 1.0, std::uint16_t(calibrated ? 3 : 1),
                          describe ? &description : nullptr};
  return tiff::encodeFrameDirectory(frame, offset, big_);
}

void GrowingTiffWriter::writeAt(std::uint64_t offset, const void* bytes, std::size_t count) {
  const auto* data = static_cast<const unsigned char*>(bytes);
  while (count > 0) {
    const ssize_t done = ::pwrite(fd_, data, count, off_t(offset));
    if (done <= 0) throw InputError("cannot write " + path_.string() + " (disk full?): " + std::strerror(errno));
    data += done, offset += std::uint64_t(done), count -= std::size_t(done);
  }
}

void GrowingTiffWriter::link(std::uint64_t directory) {
  if (big_) writeAt(chainEnd_, tiff::bytesOf(directory).data(), 8);
  else writeAt(chainEnd_, tiff::bytesOf(std::uint32_t(directory)).data(), 4);
}

void GrowingTiffWriter::beginFrame(const float* pixels, double fraction) {
  const std::size_t count = layout_.rows * layout_.cols;
  if (layout_.uint16)
    for (std::size_t i = 0; i < count; ++i) {
      const auto value = std::uint16_t(std::clamp(std::round(pixels[i]), 0.0f, 65535.0f));
      std::memcpy(pixels_.data() + 2 * i, &value, 2);
    }
  else
    std::memcpy(pixels_.data(), pixels, count * 4);
  tiff::Directory dir;  // directory-first: written and linked before the pixels
  if (layout_.imageJ) {
    if (frames_ >= layout_.announcedFrames)
      throw InputError(path_.string() + ": more frames than the " + std::to_string(layout_.announcedFrames) + " announced");
    framePosition_ = imageJData_ + frames_ * pixels_.size();
  } else if (layout_.directoryFirst) {
    dir = directoryAt(end_, end_ + directoryAt(end_, 0, describeFrame()).bytes.size(), describeFrame());
    framePosition_ = end_ + dir.bytes.size();
  } else {
    framePosition_ = end_;
  }
  if (!big_ && framePosition_ + pixels_.size() > tiff::kClassicLimit)
    throw InputError(path_.string() + ": passes 4 GB (announce the frames so that BigTIFF is written)");
  if (!dir.bytes.empty()) {
    writeAt(end_, dir.bytes.data(), dir.bytes.size());
    link(end_);
    chainEnd_ = dir.nextField;
  }
  written_ = std::size_t(std::clamp(fraction, 0.0, 1.0) * double(pixels_.size())) & ~std::size_t(1);
  writeAt(framePosition_, pixels_.data(), written_);
}

void GrowingTiffWriter::finishFrame() {
  writeAt(framePosition_ + written_, pixels_.data() + written_, pixels_.size() - written_);
  end_ = std::max(end_, framePosition_ + pixels_.size());
  if (!layout_.imageJ && !layout_.directoryFirst) {
    const tiff::Directory dir = directoryAt(end_, framePosition_, describeFrame());
    writeAt(end_, dir.bytes.data(), dir.bytes.size());
    link(end_);
    chainEnd_ = dir.nextField;
    end_ += dir.bytes.size();
  }
  ++frames_;
}

}  // namespace lqs
