#pragma once
// SHA-256 of a file, as lowercase hex (what `sha256sum` prints): provenance records identify the
// exact input files an output was made from.
#include <filesystem>
#include <string>

namespace lqs::cli {

std::string sha256OfFile(const std::filesystem::path& path);  // throws InputError when unreadable

}  // namespace lqs::cli
