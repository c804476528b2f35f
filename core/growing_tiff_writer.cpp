#include "core/growing_tiff_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "core/errors.hpp"
#include "core/tiff_metadata.hpp"

namespace lqs {

namespace {

constexpr std::uint64_t classicLimit = 0xFFFFFFF0ULL;  // offsets of a classic TIFF are 32-bit

struct Field {
  std::uint16_t tag, type;
  std::uint64_t count;
  std::vector<unsigned char> value;
};

template <class T>
std::vector<unsigned char> bytesOf(T value) {
  std::vector<unsigned char> bytes(sizeof(T));
  std::memcpy(bytes.data(), &value, sizeof(T));
  return bytes;
}

Field shortField(std::uint16_t tag, std::uint16_t value) { return {tag, 3, 1, bytesOf(value)}; }

// Pixels per centimetre as a rational, which core/tiff.cpp reads back as micrometres per pixel.
Field resolution(std::uint16_t tag, const PixelSize& pixelSize) {
  const double perCentimetre = pixelSize.unit == "px" ? 1.0 : 1e4 / pixelSize.value;
  std::uint32_t denominator = 1000;
  if (perCentimetre * denominator >= 4e9) denominator = 1;
  auto value = bytesOf(std::uint32_t(std::llround(perCentimetre * denominator)));
  const auto second = bytesOf(denominator);
  value.insert(value.end(), second.begin(), second.end());
  return {tag, 5, 1, value};
}

}  // namespace

GrowingTiffWriter::GrowingTiffWriter(const std::filesystem::path& path, const GrowingTiffLayout& layout)
    : path_(path), layout_(layout) {
  if (layout.rows == 0 || layout.cols == 0) throw ParameterError("a growing TIFF needs a frame size");
  if (layout.imageJ && layout.announcedFrames < 2)
    throw ParameterError("the ImageJ layout announces its frames: at least 2");
  pixels_.resize(layout.rows * layout.cols * (layout.uint16 ? 2 : 4));
  big_ = layout.bigTiff || std::uint64_t(layout.announcedFrames) * pixels_.size() > (std::uint64_t(4000) << 20);
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd_ < 0) throw InputError("cannot write " + path.string() + ": " + std::strerror(errno));
  std::vector<unsigned char> header{std::endian::native == std::endian::little ? 'I' : 'M',
                                    std::endian::native == std::endian::little ? 'I' : 'M'};
  const auto append = [&](const std::vector<unsigned char>& bytes) { header.insert(header.end(), bytes.begin(), bytes.end()); };
  if (big_) {
    append(bytesOf(std::uint16_t(43)));
    append(bytesOf(std::uint16_t(8)));
    append(bytesOf(std::uint16_t(0)));
    append(bytesOf(std::uint64_t(0)));
  } else {
    append(bytesOf(std::uint16_t(42)));
    append(bytesOf(std::uint32_t(0)));
  }
  writeAt(0, header.data(), header.size());
  chainEnd_ = big_ ? 8 : 4;
  end_ = header.size();
  if (!layout.imageJ) return;
  const std::uint64_t directoryBytes = directoryAt(end_, 0, true).bytes.size();
  imageJData_ = end_ + directoryBytes;
  const Directory dir = directoryAt(end_, imageJData_, true);
  writeAt(end_, dir.bytes.data(), dir.bytes.size());
  link(end_);
  chainEnd_ = dir.nextField;
  end_ = imageJData_;
}

GrowingTiffWriter::~GrowingTiffWriter() { ::close(fd_); }

GrowingTiffWriter::Directory GrowingTiffWriter::directoryAt(std::uint64_t offset, std::uint64_t dataOffset,
                                                            bool describe) const {
  const std::uint16_t bits = layout_.uint16 ? 16 : 32;
  const auto integer = [&](std::uint16_t tag, std::uint64_t value) {
    return big_ ? Field{tag, 16, 1, bytesOf(value)} : Field{tag, 4, 1, bytesOf(std::uint32_t(value))};
  };
  std::vector<Field> fields{integer(256, layout_.cols), integer(257, layout_.rows), shortField(258, bits),
                            shortField(259, 1), shortField(262, 1)};
  if (describe) {
    const std::string text = imageJDescription(layout_.announcedFrames, 1, PixelSize{});
    fields.push_back({270, 2, text.size() + 1, std::vector<unsigned char>(text.c_str(), text.c_str() + text.size() + 1)});
  }
  fields.push_back(integer(273, dataOffset));
  fields.push_back(shortField(277, 1));
  fields.push_back(integer(278, layout_.rows));
  fields.push_back(integer(279, pixels_.size()));
  fields.push_back(resolution(282, layout_.pixelSize));
  fields.push_back(resolution(283, layout_.pixelSize));
  fields.push_back(shortField(296, layout_.pixelSize.unit == "px" ? 1 : 3));
  fields.push_back(shortField(339, layout_.uint16 ? 1 : 3));

  const std::size_t countBytes = big_ ? 8 : 2, entryBytes = big_ ? 20 : 12, fieldBytes = big_ ? 8 : 4;
  Directory dir;
  dir.nextField = offset + countBytes + fields.size() * entryBytes;
  std::vector<unsigned char>& out = dir.bytes;
  out.resize(countBytes + fields.size() * entryBytes + fieldBytes);  // next offset: 0
  if (big_) std::memcpy(out.data(), bytesOf(std::uint64_t(fields.size())).data(), 8);
  else std::memcpy(out.data(), bytesOf(std::uint16_t(fields.size())).data(), 2);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    unsigned char* entry = out.data() + countBytes + i * entryBytes;
    std::memcpy(entry, bytesOf(f.tag).data(), 2);
    std::memcpy(entry + 2, bytesOf(f.type).data(), 2);
    if (big_) std::memcpy(entry + 4, bytesOf(f.count).data(), 8);
    else std::memcpy(entry + 4, bytesOf(std::uint32_t(f.count)).data(), 4);
    unsigned char* field = entry + (big_ ? 12 : 8);
    if (f.value.size() <= fieldBytes) {
      std::memcpy(field, f.value.data(), f.value.size());
      continue;
    }
    const std::uint64_t at = offset + out.size();  // values past the entries, kept at even offsets
    if (big_) std::memcpy(field, bytesOf(at).data(), 8);
    else std::memcpy(field, bytesOf(std::uint32_t(at)).data(), 4);
    out.insert(out.end(), f.value.begin(), f.value.end());
    if (out.size() % 2) out.push_back(0);
  }
  return dir;
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
  if (big_) writeAt(chainEnd_, bytesOf(directory).data(), 8);
  else writeAt(chainEnd_, bytesOf(std::uint32_t(directory)).data(), 4);
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
  Directory dir;  // directory-first: written and linked before the pixels
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
  if (!big_ && framePosition_ + pixels_.size() > classicLimit)
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
    const Directory dir = directoryAt(end_, framePosition_, describeFrame());
    writeAt(end_, dir.bytes.data(), dir.bytes.size());
    link(end_);
    chainEnd_ = dir.nextField;
    end_ += dir.bytes.size();
  }
  ++frames_;
}

}  // namespace lqs
