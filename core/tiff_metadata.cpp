#include "core/tiff_metadata.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace lqs {

namespace {

// No file holds more pixels than this (2^48 floats is a petabyte): a larger description is crafted.
constexpr std::uint64_t kMostElements = std::uint64_t(1) << 48;
constexpr std::size_t kMostAxes = 32;       // tifffile writes a handful
constexpr std::size_t kLongestNumber = 64;  // digits, sign, point and exponent of any number written

[[noreturn]] void malformed(const std::string& what) {
  throw InputError("malformed ImageDescription: " + what + " (corrupt or crafted file)");
}

std::string quoted(std::string_view text) {
  return "\"" + std::string(text.substr(0, kLongestNumber)) + (text.size() > kLongestNumber ? "...\"" : "\"");
}

// A whole, positive decimal count no larger than kMostElements.
std::size_t countOf(std::string_view text, std::string_view key) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0 || value > kMostElements)
    malformed(std::string(key) + " is " + quoted(text) + ", not a count");
  return std::size_t(value);
}

// A finite decimal number (GCC 12's from_chars parses doubles; strtod would follow the locale).
double numberOf(std::string_view text, std::string_view key) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.size() > kLongestNumber || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value))
    malformed(std::string(key) + " is " + quoted(text) + ", not a number");
  return value;
}

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

// ImageJ's "key=value" line.
std::optional<std::string_view> imageJValue(std::string_view text, std::string_view key) {
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == '=')
      return line.substr(key.size() + 1);
    start = end + 1;
  }
  return std::nullopt;
}

std::optional<std::size_t> imageJCount(std::string_view text, std::string_view key) {
  const auto value = imageJValue(text, key);
  if (!value) return std::nullopt;
  return countOf(trimmed(*value), key);
}

// The value of XML attribute `name` (name="value", preceded by white space) of the first element
// that has one.
std::optional<std::string_view> xmlAttribute(std::string_view text, std::string_view name) {
  const std::string opening = std::string(name) + "=\"";
  for (std::size_t at = text.find(opening); at != std::string_view::npos; at = text.find(opening, at + 1)) {
    if (at == 0 ||
        (text[at - 1] != ' ' && text[at - 1] != '\t' && text[at - 1] != '\n' && text[at - 1] != '\r'))
      continue;  // SizeZ inside PhysicalSizeZ
    const std::size_t start = at + opening.size(), end = text.find('"', start);
    if (end == std::string_view::npos) malformed(std::string(name) + " has no closing quote");
    return text.substr(start, end - start);
  }
  return std::nullopt;
}

std::string normalisedUnit(std::string_view unit) {
  if (unit == "micron" || unit == "\\u00B5m" || unit == "\xC2\xB5m" || unit == "um" || unit == "&#181;m")
    return "um";
  return std::string(unit);
}

std::uint64_t product(std::uint64_t a, std::uint64_t b, std::string_view what) {
  std::uint64_t out = 0;
  if (__builtin_mul_overflow(a, b, &out) || out > kMostElements)
    malformed(std::string(what) + " is larger than any file");
  return out;
}

// Where the planes and channels lie among the pages, from the sizes and the order of the axes
// other than x and y ("CZT" for ImageJ; OME's DimensionOrder without its "XY").
void placeAxes(DescriptionMetadata& meta, std::string_view order, std::size_t channels, std::size_t planes,
               std::size_t times) {
  std::string sorted(order);
  std::sort(sorted.begin(), sorted.end());
  if (sorted != "CTZ") malformed("the axis order " + quoted(order) + " is not one of C, Z and T");
  std::uint64_t stride = 1;
  bool planesSeen = false, timeBeforeZ = false;
  for (const char axis : order) {
    if (axis == 'C') meta.channelStride = std::size_t(stride);
    if (axis == 'T') timeBeforeZ = !planesSeen;
    if (axis == 'Z') planesSeen = true;
    stride = product(stride,
                     axis == 'C'   ? channels
                     : axis == 'Z' ? planes
                                   : times,
                     "channels x planes x times");
  }
  meta.channels = channels;
  if (planes > 1 && !(timeBeforeZ && times > 1)) meta.planes = planes;
}

void parseImageJ(std::string_view text, DescriptionMetadata& meta) {
  meta.images = imageJCount(text, "images");
  const std::size_t channels = imageJCount(text, "channels").value_or(1),
                    slices = imageJCount(text, "slices").value_or(1);
  placeAxes(meta, "CZT", channels, slices, imageJCount(text, "frames").value_or(1));
  if (const auto unit = imageJValue(text, "unit")) meta.unit = normalisedUnit(trimmed(*unit));
  if (const auto spacing = imageJValue(text, "spacing"))
    meta.planeSpacing = numberOf(trimmed(*spacing), "spacing");
  if (const auto provenance = imageJValue(text, "lqs_provenance")) meta.provenance = std::string(*provenance);
}

// tifffile's {"shape": [d0, d1, ...]}: the frames are the product of all but the last two.
void parseTifffileShape(std::string_view list, DescriptionMetadata& meta) {
  std::vector<std::size_t> dims;
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t end = std::min(list.find(',', start), list.size());
    if (dims.size() == kMostAxes) malformed("shape has more than " + std::to_string(kMostAxes) + " axes");
    dims.push_back(countOf(trimmed(list.substr(start, end - start)), "a shape's axis"));
    start = end + 1;
  }
  std::uint64_t frames = 1, all = 1;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    all = product(all, dims[i], "shape");
    if (i + 2 < dims.size()) frames = all;
  }
  meta.images = std::size_t(frames);
  if (dims.size() >= 2) meta.frameShape = {dims[dims.size() - 2], dims.back()};
}

void parseOme(std::string_view text, DescriptionMetadata& meta) {
  if (const auto size = xmlAttribute(text, "PhysicalSizeX")) {
    PixelSize pixel{numberOf(*size, "PhysicalSizeX"), "um"};
    if (const auto unit = xmlAttribute(text, "PhysicalSizeXUnit")) pixel.unit = normalisedUnit(*unit);
    meta.pixelSize = pixel;
  }
  if (const auto depth = xmlAttribute(text, "PhysicalSizeZ"))
    meta.planeSpacing = numberOf(*depth, "PhysicalSizeZ");
  const auto sizeOf = [&](std::string_view name) {
    const auto value = xmlAttribute(text, name);
    return value ? countOf(*value, name) : std::size_t(1);
  };
  const auto order = xmlAttribute(text, "DimensionOrder").value_or("XYZCT");
  if (order.size() != 5 || order.substr(0, 2) != "XY") malformed("DimensionOrder is " + quoted(order));
  placeAxes(meta, order.substr(2), sizeOf("SizeC"), sizeOf("SizeZ"), sizeOf("SizeT"));
}

DescriptionMetadata parsed(const std::string& description) {
  DescriptionMetadata meta;
  const std::string_view text = description;
  if (text.substr(0, 7) == "ImageJ=") {
    parseImageJ(text, meta);
    return meta;
  }
  constexpr std::string_view shapeKey = R"({"shape": [)";
  if (text.substr(0, shapeKey.size()) == shapeKey) {
    const std::size_t end = text.find(']', shapeKey.size());
    if (end == std::string_view::npos) malformed("shape has no closing bracket");
    parseTifffileShape(text.substr(shapeKey.size(), end - shapeKey.size()), meta);
    return meta;
  }
  if (text.find("<OME") != std::string_view::npos) parseOme(text, meta);
  return meta;
}

}  // namespace

DescriptionMetadata parseDescription(const std::string& description, const std::string& where) {
  try {
    return parsed(description);
  } catch (const InputError& error) {
    throw InputError(where + error.what());
  }
}

PixelSize pixelSizeFrom(const DescriptionMetadata& meta, double xres, int resolutionUnit) {
  enum { Inch = 2, Centimetre = 3 };
  PixelSize size;
  if (meta.pixelSize)
    size = *meta.pixelSize;
  else if (!(xres > 0))
    return {};
  else if (meta.unit)
    size = {1.0 / xres, *meta.unit};
  else if (resolutionUnit == Centimetre)
    size = {1e4 / xres, "um"};
  else if (resolutionUnit == Inch)
    size = {25400.0 / xres, "um"};
  else
    return {};
  if (meta.planeSpacing && *meta.planeSpacing > 0) size.depth = *meta.planeSpacing;
  return size;
}

std::string imageJDescription(std::size_t frames, std::size_t planes, const PixelSize& pixelSize,
                              const std::string& provenance, std::size_t channels) {
  std::ostringstream out;
  out << "ImageJ=1.11a\nimages=" << frames << "\n";
  if (channels > 1 && frames % channels == 0)
    out << "channels=" << channels << "\n";
  else
    channels = 1;
  const std::size_t perChannel = frames / channels;
  const bool volumes = planesOfRange(planes, 0, perChannel) > 1;
  if (volumes) out << "slices=" << planes << "\n";
  const std::size_t times = volumes ? perChannel / planes : perChannel;
  if (times > 1) out << "frames=" << times << "\n";
  if (volumes || channels > 1) out << "hyperstack=true\n";
  if (pixelSize.unit != "px") out << "unit=" << (pixelSize.unit == "um" ? "micron" : pixelSize.unit) << "\n";
  if (volumes && pixelSize.depth > 0) out << "spacing=" << pixelSize.depth << "\n";
  out << "loop=false\n";
  if (!provenance.empty()) {
    if (provenance.find('\n') != std::string::npos) throw std::invalid_argument("a provenance record must be one line");
    out << "lqs_provenance=" << provenance << "\n";
  }
  return out.str();
}

}  // namespace lqs
