#include "core/stack_file.hpp"

namespace lqs {

StackFile::StackFile(std::filesystem::path path, std::size_t blockBytes)
    : path_(std::move(path)), info_(readTiffInfo(path_)), blockBytes_(blockBytes) {}

}  // namespace lqs
