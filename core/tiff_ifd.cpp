#include "core/tiff_ifd.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace lqs::tiff {

namespace {

enum Type : std::uint16_t { Byte = 1, Ascii = 2, Short = 3, Long = 4, Rational = 5, Long8 = 16 };

struct Field {
  std::uint16_t tag, type;
  std::uint64_t count;
  std::vector<unsigned char> value;  // native byte order (the header says which)
};

Field shortField(std::uint16_t tag, std::uint16_t value) { return {tag, Short, 1, bytesOf(value)}; }

// An offset or count: LONG in a classic TIFF, LONG8 in a BigTIFF.
Field integerField(std::uint16_t tag, std::uint64_t value, bool bigTiff) {
  return bigTiff ? Field{tag, Long8, 1, bytesOf(value)} : Field{tag, Long, 1, bytesOf(std::uint32_t(value))};
}

Field asciiField(std::uint16_t tag, const std::string& text) {
  return {tag, Ascii, text.size() + 1, std::vector<unsigned char>(text.c_str(), text.c_str() + text.size() + 1)};
}

// The closest numerator / denominator pair of 32-bit integers to `value` (>= 0).
Field rationalField(std::uint16_t tag, double value) {
  constexpr double most = 4294967295.0;
  // the largest denominator that keeps the numerator in range: the most significant digits
  const double denominator = std::clamp(std::floor(most / std::max(value, 1.0)), 1.0, most);
  auto bytes = bytesOf(std::uint32_t(std::min(std::round(value * denominator), most)));
  const auto below = bytesOf(std::uint32_t(denominator));
  bytes.insert(bytes.end(), below.begin(), below.end());
  return {tag, Rational, 1, bytes};
}

// UTF-8 text as UTF-16 code units; a byte that does not begin a well-formed sequence becomes U+FFFD.
std::vector<std::uint16_t> utf16Of(const std::string& text) {
  std::vector<std::uint16_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const std::size_t length = lead < 0x80         ? 1
                               : (lead >> 5) == 6  ? 2
                               : (lead >> 4) == 14 ? 3
                               : (lead >> 3) == 30 ? 4
                                                   : 0;
    std::uint32_t point = length == 1   ? lead
                          : length == 2 ? lead & 0x1F
                          : length == 3 ? lead & 0x0F
                                        : lead & 0x07;
    bool wellFormed = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; wellFormed && k < length; ++k) {
      wellFormed = (byte(i + k) >> 6) == 2;
      point = point << 6 | (byte(i + k) & 0x3F);
    }
    if (!wellFormed || point > 0x10FFFF) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    if (point >= 0x10000) {
      out.push_back(std::uint16_t(0xD800 + ((point - 0x10000) >> 10)));
      out.push_back(std::uint16_t(0xDC00 + ((point - 0x10000) & 0x3FF)));
    } else {
      out.push_back(std::uint16_t(point));
    }
    i += length;
  }
  return out;
}

// ImageJ's private tags for its properties (IJMetadataByteCounts 50838, IJMetadata 50839), holding
// only the Info text: a header ("IJIJ" and one entry of type "info", count 1, as 32-bit integers in
// the file's byte order, which ImageJ reads back as "JIJI" in a little-endian file), then the text
// as UTF-16 code units in the file's byte order.
std::vector<Field> imageJInfoFields(const std::string& text) {
  std::vector<unsigned char> data;
  const auto append = [&](const std::vector<unsigned char>& bytes) {
    data.insert(data.end(), bytes.begin(), bytes.end());
  };
  append(bytesOf(std::uint32_t(0x494a494a)));  // "IJIJ"
  append(bytesOf(std::uint32_t(0x696e666f)));  // "info"
  append(bytesOf(std::uint32_t(1)));
  const std::size_t headerBytes = data.size();
  for (const std::uint16_t unit : utf16Of(text)) append(bytesOf(unit));
  std::vector<unsigned char> counts = bytesOf(std::uint32_t(headerBytes));
  const auto textBytes = bytesOf(std::uint32_t(data.size() - headerBytes));
  counts.insert(counts.end(), textBytes.begin(), textBytes.end());
  return {Field{50838, Long, 2, counts}, Field{50839, Byte, data.size(), data}};
}

// `fields` (sorted by tag) as a directory stored at `offset`, pointing to the directory at `next`.
Directory encodeDirectory(const std::vector<Field>& fields, std::uint64_t offset, bool bigTiff, std::uint64_t next) {
  const std::size_t countBytes = bigTiff ? 8 : 2, entryBytes = bigTiff ? 20 : 12, fieldBytes = bigTiff ? 8 : 4;
  Directory dir;
  dir.nextField = offset + countBytes + fields.size() * entryBytes;
  std::vector<unsigned char>& out = dir.bytes;
  out.resize(countBytes + fields.size() * entryBytes + fieldBytes);
  const auto put = [&](unsigned char* at, std::uint64_t value, bool wide) {
    if (wide) std::memcpy(at, bytesOf(value).data(), 8);
    else std::memcpy(at, bytesOf(std::uint32_t(value)).data(), 4);
  };
  if (bigTiff) std::memcpy(out.data(), bytesOf(std::uint64_t(fields.size())).data(), 8);
  else std::memcpy(out.data(), bytesOf(std::uint16_t(fields.size())).data(), 2);
  put(out.data() + countBytes + fields.size() * entryBytes, next, bigTiff);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    unsigned char* entry = out.data() + countBytes + i * entryBytes;
    std::memcpy(entry, bytesOf(f.tag).data(), 2);
    std::memcpy(entry + 2, bytesOf(f.type).data(), 2);
    put(entry + 4, f.count, bigTiff);
    unsigned char* field = entry + (bigTiff ? 12 : 8);
    if (f.value.size() <= fieldBytes) {
      std::memcpy(field, f.value.data(), f.value.size());
      continue;
    }
    put(field, offset + out.size(), bigTiff);  // values past the entries, kept at even offsets
    out.insert(out.end(), f.value.begin(), f.value.end());
    if (out.size() % 2) out.push_back(0);
  }
  return dir;
}

}  // namespace

std::vector<unsigned char> header(bool bigTiff, std::uint64_t firstDirectory) {
  const unsigned char order = std::endian::native == std::endian::little ? 'I' : 'M';
  std::vector<unsigned char> out{order, order};
  const auto append = [&](const std::vector<unsigned char>& bytes) { out.insert(out.end(), bytes.begin(), bytes.end()); };
  if (bigTiff) {
    append(bytesOf(std::uint16_t(43)));
    append(bytesOf(std::uint16_t(8)));  // offset size
    append(bytesOf(std::uint16_t(0)));
    append(bytesOf(firstDirectory));
  } else {
    append(bytesOf(std::uint16_t(42)));
    append(bytesOf(std::uint32_t(firstDirectory)));
  }
  return out;
}

Directory encodeFrameDirectory(const Frame& frame, std::uint64_t offset, bool bigTiff, std::uint64_t next) {
  std::vector<Field> fields{integerField(256, frame.cols, bigTiff), integerField(257, frame.rows, bigTiff),
                            shortField(258, frame.bitsPerSample), shortField(259, 1), shortField(262, 1)};
  if (frame.description) fields.push_back(asciiField(270, *frame.description));
  fields.push_back(integerField(273, frame.dataOffset, bigTiff));
  fields.push_back(shortField(277, 1));
  fields.push_back(integerField(278, frame.rows, bigTiff));
  fields.push_back(integerField(279, frame.rows * frame.cols * (frame.bitsPerSample / 8u), bigTiff));
  fields.push_back(rationalField(282, frame.resolution));
  fields.push_back(rationalField(283, frame.resolution));
  fields.push_back(shortField(284, 1));
  fields.push_back(shortField(296, frame.resolutionUnit));
  fields.push_back(shortField(339, frame.sampleFormat));
  if (frame.info)
    for (Field& field : imageJInfoFields(*frame.info)) fields.push_back(std::move(field));
  return encodeDirectory(fields, offset, bigTiff, next);
}

}  // namespace lqs::tiff
