#include "core/tiff_metadata.hpp"

#include <regex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace lqs {

namespace {

std::optional<std::string> imageJValue(const std::string& text, const std::string& key) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
  }
  return std::nullopt;
}

std::optional<std::size_t> positiveCount(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  try {
    const unsigned long long value = std::stoull(*text);
    if (value > 0) return std::size_t(value);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

std::string normalisedUnit(std::string unit) {
  if (unit == "micron" || unit == "\\u00B5m" || unit == "\xC2\xB5m" || unit == "um") return "um";
  return unit;
}

}  // namespace

DescriptionMetadata parseDescription(const std::string& description) {
  DescriptionMetadata meta;
  if (description.rfind("ImageJ=", 0) == 0) {
    meta.images = positiveCount(imageJValue(description, "images"));
    // ImageJ orders images channel, slice, frame: with one channel, slices are consecutive planes
    if (positiveCount(imageJValue(description, "channels")).value_or(1) == 1)
      meta.planes = positiveCount(imageJValue(description, "slices"));
    if (const auto unit = imageJValue(description, "unit")) meta.unit = normalisedUnit(*unit);
    meta.provenance = imageJValue(description, "lqs_provenance");
    return meta;
  }
  static const std::regex tifffileShape(R"re(^\{"shape": \[([0-9, ]+)\])re");
  std::smatch shape;
  if (std::regex_search(description, shape, tifffileShape)) {  // tifffile's shaped series
    std::vector<std::size_t> dims;
    std::istringstream items(shape[1].str());
    for (std::string item; std::getline(items, item, ',');) dims.push_back(std::stoull(item));
    std::size_t frames = 1;
    for (std::size_t i = 0; i + 2 < dims.size(); ++i) frames *= dims[i];
    meta.images = frames;
    if (dims.size() >= 2) meta.frameShape = {dims[dims.size() - 2], dims.back()};
    return meta;
  }
  if (description.find("<OME") == std::string::npos) return meta;
  std::smatch match;
  static const std::regex sizeX(R"re(PhysicalSizeX="([0-9.eE+-]+)")re"), unitX(R"re(PhysicalSizeXUnit="([^"]+)")re");
  if (std::regex_search(description, match, sizeX)) {
    PixelSize size{std::stod(match[1].str()), "um"};
    if (std::regex_search(description, match, unitX)) size.unit = normalisedUnit(match[1].str());
    meta.pixelSize = size;
  }
  static const std::regex order(R"re(DimensionOrder="XYZ)re"), sizeZ(R"re(SizeZ="([0-9]+)")re"),
      sizeC(R"re(SizeC="([0-9]+)")re");
  const bool oneChannel = !std::regex_search(description, match, sizeC) || match[1].str() == "1";
  if (oneChannel && std::regex_search(description, order) && std::regex_search(description, match, sizeZ))
    meta.planes = positiveCount(match[1].str());
  return meta;
}

PixelSize pixelSizeFrom(const DescriptionMetadata& meta, double xres, int resolutionUnit) {
  enum { Inch = 2, Centimetre = 3 };
  if (meta.pixelSize) return *meta.pixelSize;
  if (!(xres > 0)) return {};
  if (meta.unit) return {1.0 / xres, *meta.unit};
  if (resolutionUnit == Centimetre) return {1e4 / xres, "um"};
  if (resolutionUnit == Inch) return {25400.0 / xres, "um"};
  return {};
}

std::string imageJDescription(std::size_t frames, std::size_t planes, const PixelSize& pixelSize,
                              const std::string& provenance) {
  std::ostringstream out;
  out << "ImageJ=1.11a\nimages=" << frames << "\n";
  if (planesOfRange(planes, 0, frames) > 1) {
    out << "slices=" << planes << "\n";
    if (frames > planes) out << "frames=" << frames / planes << "\n";
    out << "hyperstack=true\n";
  } else if (frames > 1) {
    out << "frames=" << frames << "\n";
  }
  if (pixelSize.unit != "px") out << "unit=" << (pixelSize.unit == "um" ? "micron" : pixelSize.unit) << "\n";
  out << "loop=false\n";
  if (!provenance.empty()) {
    if (provenance.find('\n') != std::string::npos) throw std::invalid_argument("a provenance record must be one line");
    out << "lqs_provenance=" << provenance << "\n";
  }
  return out.str();
}

}  // namespace lqs
