#include "core/frame_folder.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "core/tiff_directory.hpp"

namespace lqs {

namespace {

bool isTiffName(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  if (name.empty() || name.front() == '.') return false;
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
  return extension == ".tif" || extension == ".tiff";
}

}  // namespace

FrameFolder::FrameFolder(std::filesystem::path folder) : folder_(std::move(folder)) {}

Stack FrameFolder::poll(std::size_t maxFrames) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name > lastName_ && isTiffName(entry.path()) && entry.is_regular_file(ec)) names.push_back(name);
  }
  if (ec) throw InputError("cannot list " + folder_.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    if (collected_.frames() >= maxFrames) break;
    const auto path = folder_ / name;
    if (!tiffFileComplete(path)) break;  // still being written: later files wait for it, in name order
    const Stack frames = readTiff(path);
    if (!pixelSize_) pixelSize_ = frames.pixelSize;
    for (std::size_t t = 0; t < frames.frames(); ++t)
      std::copy(frames.frame(t).begin(), frames.frame(t).end(), collected_.next(frames.rows(), frames.cols(), path.string()));
    lastName_ = name;
  }
  frames_ += collected_.frames();
  return collected_.take(pixelSize_.value_or(PixelSize{}));
}

}  // namespace lqs
