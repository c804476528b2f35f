#include "core/tiff_directory.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cstring>
#include <unordered_set>

#include "core/errors.hpp"
#include "core/tiff_metadata.hpp"
#include "core/tiff_samples.hpp"

namespace lqs {

namespace {

enum Tag : std::uint16_t {
  ImageWidth = 256, ImageLength = 257, BitsPerSample = 258, Compression = 259, ImageDescription = 270,
  StripOffsets = 273, SamplesPerPixel = 277, StripByteCounts = 279, XResolution = 282, ResolutionUnit = 296,
  TileWidth = 322, TileOffsets = 324, TileByteCounts = 325, SampleFormat = 339
};

std::size_t typeBytes(std::uint16_t type) {
  switch (type) {
    case 1: case 2: case 6: case 7: return 1;   // byte, ascii, sbyte, undefined
    case 3: case 8: return 2;                   // short, sshort
    case 4: case 9: case 11: case 13: return 4; // long, slong, float, ifd
    case 5: case 10: case 12: case 16: case 17: case 18: return 8;  // rationals, double, long8, slong8, ifd8
    default: return 0;
  }
}

struct Entry {
  std::uint16_t tag = 0, type = 0;
  std::uint64_t count = 0;
  unsigned char field[8] = {};
};

class Decoder {
 public:
  Decoder(const TiffFileView& file, const TiffHeader& header) : file_(file), header_(header) {}

  std::uint64_t number(const unsigned char* bytes, std::size_t width) const {
    unsigned char ordered[8] = {};
    std::memcpy(ordered, bytes, width);
    if (header_.swapped) std::reverse(ordered, ordered + width);
    std::uint64_t value = 0;
    if (width == 1) value = ordered[0];
    else if (width == 2) { std::uint16_t v; std::memcpy(&v, ordered, 2); value = v; }
    else if (width == 4) { std::uint32_t v; std::memcpy(&v, ordered, 4); value = v; }
    else std::memcpy(&value, ordered, 8);
    return value;
  }

  std::optional<std::uint64_t> numberAt(std::uint64_t offset, std::size_t width) const {
    unsigned char bytes[8];
    if (!file_.read(offset, bytes, width)) return std::nullopt;
    return number(bytes, width);
  }

  // An entry's value bytes, inline or at the offset its field holds; nullopt while not in the file.
  std::optional<std::vector<unsigned char>> bytes(const Entry& e, const std::string& where) const {
    const std::size_t width = typeBytes(e.type), inlineBytes = header_.big ? 8 : 4;
    if (width == 0 || e.count > (std::uint64_t(1) << 32))
      throw InputError(where + "tag " + std::to_string(e.tag) + " has an invalid type or count (corrupt file)");
    std::vector<unsigned char> value(std::size_t(e.count) * width);
    if (value.size() <= inlineBytes) {
      std::memcpy(value.data(), e.field, value.size());
      return value;
    }
    if (!file_.read(number(e.field, inlineBytes), value.data(), value.size())) return std::nullopt;
    return value;
  }

  std::optional<std::vector<std::uint64_t>> integers(const Entry& e, const std::string& where) const {
    const auto raw = bytes(e, where);
    if (!raw) return std::nullopt;
    const std::size_t width = typeBytes(e.type);
    if (e.type == 2 || e.type == 5 || e.type == 10 || e.type == 11 || e.type == 12)
      throw InputError(where + "tag " + std::to_string(e.tag) + " is not an integer (corrupt file)");
    std::vector<std::uint64_t> values(std::size_t(e.count));
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = number(raw->data() + i * width, width);
    return values;
  }

 private:
  const TiffFileView& file_;
  const TiffHeader& header_;
};

}  // namespace

std::uint64_t TiffDirectory::dataEnd() const {
  std::uint64_t end = 0;
  for (std::size_t i = 0; i < chunkOffsets.size(); ++i) end = std::max(end, chunkOffsets[i] + chunkBytes[i]);
  return end;
}

bool TiffDirectory::contiguousData() const {
  if (compression != 1 || tiled) return false;
  for (std::size_t i = 0; i + 1 < chunkOffsets.size(); ++i)
    if (chunkOffsets[i + 1] != chunkOffsets[i] + chunkBytes[i]) return false;
  return true;
}

std::size_t TiffDirectory::frameBytes() const { return info.rows * info.cols * std::size_t(info.bitsPerSample / 8); }

TiffFileView::TiffFileView(const std::filesystem::path& path) : path_(path), fd_(::open(path.c_str(), O_RDONLY)) {
  if (fd_ < 0) throw InputError("cannot open " + path.string() + ": " + std::strerror(errno));
}

TiffFileView::~TiffFileView() { ::close(fd_); }

std::uint64_t TiffFileView::size() const {
  struct stat status {};
  return ::fstat(fd_, &status) == 0 ? std::uint64_t(status.st_size) : 0;
}

bool TiffFileView::read(std::uint64_t offset, void* target, std::size_t bytes) const {
  auto* out = static_cast<unsigned char*>(target);
  while (bytes > 0) {
    const ssize_t got = ::pread(fd_, out, bytes, off_t(offset));
    if (got <= 0) return false;  // end of file (so far)
    out += got, offset += std::uint64_t(got), bytes -= std::size_t(got);
  }
  return true;
}

std::optional<TiffHeader> TiffFileView::header() const {
  unsigned char bytes[16];
  if (!read(0, bytes, 8)) return std::nullopt;
  const std::string where = path_.string() + ": ";
  const bool little = bytes[0] == 'I' && bytes[1] == 'I', bigEndian = bytes[0] == 'M' && bytes[1] == 'M';
  if (!little && !bigEndian) throw InputError(where + "not a TIFF file");
  TiffHeader header;
  header.swapped = little != (std::endian::native == std::endian::little);
  const std::uint64_t magic = Decoder(*this, header).number(bytes + 2, 2);
  if (magic == 42) return header;
  if (magic != 43) throw InputError(where + "not a TIFF file");
  header.big = true;
  header.firstDirectoryField = 8;
  return header;
}

std::optional<std::uint64_t> TiffFileView::offsetAt(const TiffHeader& header, std::uint64_t field) const {
  return Decoder(*this, header).numberAt(field, header.big ? 8 : 4);
}

std::optional<TiffDirectory> TiffFileView::directory(const TiffHeader& header, std::uint64_t offset) const {
  const Decoder decode(*this, header);
  const std::string where = path_.string() + " (directory at byte " + std::to_string(offset) + "): ";
  const std::size_t countBytes = header.big ? 8 : 2, entryBytes = header.big ? 20 : 12, fieldBytes = header.big ? 8 : 4;
  const auto count = decode.numberAt(offset, countBytes);
  if (!count) return std::nullopt;
  if (*count == 0 || *count > 4096) throw InputError(where + "corrupt directory (" + std::to_string(*count) + " entries)");
  std::vector<unsigned char> raw(std::size_t(*count) * entryBytes + fieldBytes);
  if (!read(offset + countBytes, raw.data(), raw.size())) return std::nullopt;

  TiffDirectory dir;
  dir.offset = offset;
  dir.nextField = offset + countBytes + std::uint64_t(*count) * entryBytes;
  std::uint64_t width = 0, height = 0, bits = 1, samples = 1, format = 1, resolutionUnit = 2;
  double xResolution = 0;
  std::string description;
  for (std::size_t i = 0; i < *count; ++i) {
    const unsigned char* p = raw.data() + i * entryBytes;
    Entry e;
    e.tag = std::uint16_t(decode.number(p, 2));
    e.type = std::uint16_t(decode.number(p + 2, 2));
    e.count = decode.number(p + 4, header.big ? 8 : 4);
    std::memcpy(e.field, p + (header.big ? 12 : 8), fieldBytes);
    if (e.tag == ImageDescription) {
      const auto text = decode.bytes(e, where);
      if (!text) return std::nullopt;
      description.assign(text->begin(), std::find(text->begin(), text->end(), '\0'));
      continue;
    }
    if (e.tag == XResolution && e.type == 5) {
      const auto pair = decode.bytes(e, where);
      if (!pair) return std::nullopt;
      const std::uint64_t numerator = decode.number(pair->data(), 4), denominator = decode.number(pair->data() + 4, 4);
      xResolution = denominator ? double(float(double(numerator) / double(denominator))) : 0;
      continue;
    }
    const bool wanted = e.tag == ImageWidth || e.tag == ImageLength || e.tag == BitsPerSample || e.tag == Compression ||
                        e.tag == StripOffsets || e.tag == SamplesPerPixel || e.tag == StripByteCounts ||
                        e.tag == ResolutionUnit || e.tag == TileWidth || e.tag == TileOffsets ||
                        e.tag == TileByteCounts || e.tag == SampleFormat;
    if (!wanted) continue;
    auto values = decode.integers(e, where);
    if (!values) return std::nullopt;
    if (values->empty()) throw InputError(where + "tag " + std::to_string(e.tag) + " has no value (corrupt file)");
    const std::uint64_t first = values->front();
    switch (e.tag) {
      case ImageWidth: width = first; break;
      case ImageLength: height = first; break;
      case BitsPerSample: bits = first; break;
      case Compression: dir.compression = int(first); break;
      case SamplesPerPixel: samples = first; break;
      case ResolutionUnit: resolutionUnit = first; break;
      case SampleFormat: format = first; break;
      case TileWidth: dir.tiled = true; break;
      case StripOffsets: case TileOffsets: dir.chunkOffsets = std::move(*values); break;
      default: dir.chunkBytes = std::move(*values);  // StripByteCounts, TileByteCounts
    }
  }
  if (width == 0 || height == 0 || width * height > (std::uint64_t(1) << 32))
    throw InputError(where + "invalid frame size " + std::to_string(height) + "x" + std::to_string(width));
  requireSupportedSamples(where, int(samples), int(bits), int(format));
  if (dir.chunkOffsets.empty() || dir.chunkOffsets.size() != dir.chunkBytes.size())
    throw InputError(where + "strip offsets and byte counts do not match (corrupt file)");
  const DescriptionMetadata meta = parseDescription(description, where);
  dir.info.frames = 1;
  dir.info.rows = std::size_t(height);
  dir.info.cols = std::size_t(width);
  dir.info.bitsPerSample = int(bits);
  dir.info.isFloat = format == 3;
  dir.info.isSigned = format == 2;
  dir.info.isBigTiff = header.big;
  dir.info.pixelSize = pixelSizeFrom(meta, xResolution, int(resolutionUnit));
  dir.info.provenance = meta.provenance.value_or("");
  dir.imageJImages = meta.images;
  return dir;
}

std::optional<bool> TiffFileView::directoryOfSizeAt(const TiffHeader& header, std::uint64_t offset, std::size_t rows,
                                                   std::size_t cols) const {
  const Decoder decode(*this, header);
  const std::size_t countBytes = header.big ? 8 : 2, entryBytes = header.big ? 20 : 12, fieldBytes = header.big ? 8 : 4;
  unsigned char raw[48];
  if (!read(offset, raw, countBytes + 2 * entryBytes)) return std::nullopt;
  const std::uint64_t count = decode.number(raw, countBytes);
  if (count < 2 || count > 4096) return false;
  const auto entryIs = [&](std::size_t index, std::uint16_t tag, std::size_t value) {
    const unsigned char* entry = raw + countBytes + index * entryBytes;
    const std::uint16_t type = std::uint16_t(decode.number(entry + 2, 2));
    const std::size_t width = type == 3 ? 2 : type == 4 ? 4 : type == 16 ? 8 : 0;
    return decode.number(entry, 2) == tag && width != 0 && width <= fieldBytes &&
           decode.number(entry + (header.big ? 12 : 8), width) == value;
  };
  return entryIs(0, ImageWidth, cols) && entryIs(1, ImageLength, rows);
}

bool tiffFileComplete(const std::filesystem::path& path) {
  const TiffFileView file(path);
  const auto header = file.header();
  if (!header) return false;
  std::uint64_t field = header->firstDirectoryField;
  std::unordered_set<std::uint64_t> seen;
  while (true) {
    const auto offset = file.offsetAt(*header, field);
    if (!offset) return false;
    if (*offset == 0) return !seen.empty();
    if (!seen.insert(*offset).second) throw InputError(path.string() + ": directory chain loops (corrupt file)");
    const auto dir = file.directory(*header, *offset);
    if (!dir || dir->dataEnd() > file.size()) return false;
    field = dir->nextField;
  }
}

}  // namespace lqs
