// Crafted ImageDescriptions (tifffile shapes, ImageJ keys, OME attributes): every one that cannot
// be true is one InputError line (exit 3), none crashes, overflows or recurses.
#include <tiffio.h>

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/tiff.hpp"
#include "core/tiff_metadata.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;
using namespace lqs::test;
namespace fs = std::filesystem;

namespace {

// One 32 x 32 uint8 page with `description`.
void writePage(const fs::path& path, const std::string& description) {
  TIFF* tif = TIFFOpen(path.c_str(), "w");
  REQUIRE(tif);
  TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 32);
  TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 32);
  TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
  TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
  TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
  TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, description.c_str());
  std::vector<unsigned char> row(32, 9);
  for (int r = 0; r < 32; ++r) TIFFWriteScanline(tif, row.data(), r, 0);
  TIFFClose(tif);
}

std::string repeated(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST_CASE("descriptions that cannot be true are InputError naming the file, not a crash") {
  TempDir dir;
  const std::vector<std::string> crafted{
      R"({"shape": [12297829382473034752, 3, 1]})",            // the product wraps around 2^64
      R"({"shape": [4294967296, 4294967296, 32, 32]})",        // each fits, the product does not
      R"({"shape": [)" + repeated("1, ", 10000) + "32, 32]}",  // ~30 KB of axes
      R"({"shape": [2, x, 32]})",
      R"({"shape": [0, 32, 32]})",
      R"({"shape": [2, 32, 32)",
      "ImageJ=1.53t\nimages=-4\n",
      "ImageJ=1.53t\nimages=99999999999999999999999\n",
      "ImageJ=1.53t\nimages=2\nspacing=nan\n",
      "ImageJ=1.53t\nimages=2\nchannels=3.5\n",
      R"(<OME><Pixels PhysicalSizeX="abc"/></OME>)",
      R"(<OME><Pixels PhysicalSizeX="1e999"/></OME>)",
      R"(<OME><Pixels DimensionOrder="XYZZT"/></OME>)",
      R"(<OME><Pixels SizeC="0"/></OME>)",
      R"(<OME><Pixels PhysicalSizeX=")" + repeated("9", 60000),  // no closing quote
  };
  for (std::size_t i = 0; i < crafted.size(); ++i) {
    CAPTURE(i, crafted[i].substr(0, 80));
    CHECK_THROWS_AS(parseDescription(crafted[i]), InputError);
    const fs::path file = dir / ("crafted" + std::to_string(i) + ".tif");
    writePage(file, crafted[i]);
    CHECK_THROWS_WITH(readTiff(file), Catch::Contains(file.string()) && Catch::Contains("ImageDescription"));
  }
}

TEST_CASE("long but well-formed descriptions are read, in time linear in their length") {
  TempDir dir;
  // a 50 KB attribute value and 30 KB of ImageJ properties: the regular expressions of before overflowed the
  // stack
  writePage(dir / "long-unit.tif", R"(<OME><Pixels PhysicalSizeX="0.1" PhysicalSizeXUnit=")" +
                                       repeated("u", 50000) + R"("/></OME>)");
  CHECK(readTiffInfo(dir / "long-unit.tif").pixelSize.value == Approx(0.1));
  writePage(dir / "long-imagej.tif",
            "ImageJ=1.53t\nimages=1\n" + repeated("Property=value\n", 2000) + "unit=nm\n");
  CHECK(readTiff(dir / "long-imagej.tif").at(0, 31, 31) == 9);
  // SizeZ is not read out of PhysicalSizeZ, nor a key out of a longer one
  const auto ome = parseDescription(R"(<OME><Pixels PhysicalSizeZ="0.25" SizeZ="3" SizeT="2"/></OME>)");
  CHECK(ome.planes == 3u);
  CHECK(ome.planeSpacing == Approx(0.25));
  CHECK_FALSE(parseDescription("ImageJ=1.53t\nimageset=7\n").images.has_value());
}
