#include <catch2/catch.hpp>
#include <fstream>

#include "core/errors.hpp"
#include "core/table.hpp"
#include "tests/support/test_support.hpp"

using namespace lqs;

TEST_CASE("tables round-trip through CSV and bad CSV is refused") {
  test::TempDir dir;
  const Table table{{"frame", "dx", "dy"}, {{0, 0.5, -1.25}, {1, 1e-7, 3}}};
  writeCsv(table, dir / "t.csv");
  const Table back = readCsv(dir / "t.csv");
  CHECK(back.columns == table.columns);
  CHECK(back.rows == table.rows);
  std::ofstream(dir / "bad.csv") << "a,b\n1,x\n";
  CHECK_THROWS_AS(readCsv(dir / "bad.csv"), InputError);
  CHECK_THROWS_AS(readCsv(dir / "missing.csv"), InputError);
  CHECK_THROWS_AS(back.column("nope"), InputError);
}
