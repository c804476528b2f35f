// Corrupt headers found by fuzzing (tests/fuzz): sizes the file cannot hold are refused before any
// allocation, with an InputError that says so.
#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <vector>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;

namespace {

struct Entry {
  std::uint16_t tag, type;  // type 3: SHORT, 4: LONG
  std::uint32_t value;
};

// A little-endian classic TIFF: one directory with `entries` (sorted by tag), then `dataBytes`
// bytes of pixel data at offset 8 + directory size (StripOffsets / TileOffsets point there).
void writeHandMadeTiff(const std::filesystem::path& path, std::vector<Entry> entries, std::uint32_t dataBytes) {
  std::vector<unsigned char> bytes{'I', 'I', 42, 0, 8, 0, 0, 0};
  auto put = [&](std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i) bytes.push_back(static_cast<unsigned char>(v >> (8 * i)));
  };
  const std::uint32_t dataOffset = 8 + 2 + 12 * std::uint32_t(entries.size()) + 4;
  put(entries.size(), 2);
  for (const Entry& e : entries) {
    put(e.tag, 2);
    put(e.type, 2);
    put(1, 4);
    put(e.value == ~0u ? dataOffset : e.value, 4);
  }
  put(0, 4);
  bytes.resize(bytes.size() + dataBytes, 7);
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

constexpr std::uint32_t kDataOffset = ~0u;  // placeholder: the offset of the data block

}  // namespace

TEST_CASE("a strip image announcing more pixels than the file holds is refused before allocating") {
  TempDir dir;
  // 4000 x 4000 16-bit (32 MB of pixels) in a file of under 200 bytes
  writeHandMadeTiff(dir / "short.tif",
                    {{256, 4, 4000}, {257, 4, 4000}, {258, 3, 16}, {259, 3, 1}, {262, 3, 1},
                     {273, 4, kDataOffset}, {277, 3, 1}, {278, 4, 4000}, {279, 4, 32}},
                    32);
  CHECK(readTiffInfo(dir / "short.tif").rows == 4000);
  CHECK_THROWS_AS(readTiff(dir / "short.tif"), InputError);
  CHECK_THROWS_WITH(readTiff(dir / "short.tif"), Catch::Contains("more pixels than the file holds"));
}

TEST_CASE("a compressed image is allowed its compression's ratio, and refused beyond it") {
  TempDir dir;
  // deflate (8) may decode to 4096x its size: 300 x 300 8-bit from ~2 kB passes the size check
  // (and then fails to decode), 3000 x 3000 does not
  for (const std::uint32_t side : {300u, 3000u}) {
    const auto path = dir / ("deflate" + std::to_string(side) + ".tif");
    writeHandMadeTiff(path,
                      {{256, 4, side}, {257, 4, side}, {258, 3, 8}, {259, 3, 8}, {262, 3, 1},
                       {273, 4, kDataOffset}, {277, 3, 1}, {278, 4, side}, {279, 4, 2000}},
                      2000);
    if (side == 300) CHECK_THROWS_WITH(readTiff(path), !Catch::Contains("more pixels than the file holds"));
    else CHECK_THROWS_WITH(readTiff(path), Catch::Contains("more pixels than the file holds"));
  }
}

TEST_CASE("a tile far larger than the file is refused before allocating its buffer") {
  TempDir dir;
  // a 16 x 16 image in one 32768 x 32768 tile (1 GB buffer) of a 100-byte file
  writeHandMadeTiff(dir / "tile.tif",
                    {{256, 4, 16}, {257, 4, 16}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1}, {277, 3, 1},
                     {322, 4, 32768}, {323, 4, 32768}, {324, 4, kDataOffset}, {325, 4, 256}},
                    256);
  CHECK_THROWS_WITH(readTiff(dir / "tile.tif"), Catch::Contains("tile size"));
}
