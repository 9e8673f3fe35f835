#include "tests/support/catch.hpp"
#include "ir/source.hpp"
TEST_CASE("columns count code points", "[source]") {
  katalint::ir::SourceFile f(0, "x", "a\xc3\xa9z\nb");
  CHECK(f.position(3).column == 3);
  CHECK(f.position(5).line == 2);
}
