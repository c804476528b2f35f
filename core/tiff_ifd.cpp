#include "core/tiff_ifd.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace lqs::tiff {

namespace {

enum Type : std::uint16_t { Ascii = 2, Short = 3, Long = 4, Rational = 5, Long8 = 16 };

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
  return encodeDirectory(fields, offset, bigTiff, next);
}

}  // namespace lqs::tiff
