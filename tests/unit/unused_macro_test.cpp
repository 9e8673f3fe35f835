// unused-macro searches for each name when a spec defines few and reads every word when it
// defines many; both must find the same uses.
#include <set>
#include <string>

#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

using namespace katalint;

namespace {

// `count` macros; by i % 4: used in %build, only inside a longer word, only in its own
// definition, mentioned in a comment.
std::string spec_with(int count) {
  std::string defs, build;
  for (int i = 0; i < count; ++i) {
    const std::string name = "v" + std::to_string(i);
    switch (i % 4) {
      case 0: defs += "%global " + name + " 1\n"; build += "echo %{" + name + "}\n"; break;
      case 1: defs += "%global " + name + " 1\n"; build += "echo " + name + "_suffix x" + name + "\n"; break;
      case 2: defs += "%define " + name + " %{" + name + "}x\n"; break;
      case 3: defs += "%global " + name + " 1\n# " + name + " is kept for later\n"; break;
    }
  }
  return "Name: example\nVersion: 1.0\nRelease: 0\nSummary: Example\nLicense: MIT\n" + defs +
         "\n%description\nExample.\n\n%build\n" + build + "\n%files\n";
}

std::set<std::string> unused(int count) {
  frontend::AnalyzeOptions o;
  o.target = "opensuse-tumbleweed";
  o.rules.has_select = true;
  o.rules.select = {"unused-macro"};
  std::set<std::string> names;
  for (const auto& d : testing::lint_text("example.spec", spec_with(count), o).diagnostics)
    if (d.rule == "unused-macro") names.insert(d.message.substr(1, d.message.find(' ') - 1));
  return names;
}

}  // namespace

TEST_CASE("unused-macro: names searched one by one and words read in one pass agree", "[rules]") {
  CHECK(unused(4) == std::set<std::string>{"v1", "v2"});  // searched
  CHECK(unused(12) == std::set<std::string>{"v1", "v2", "v5", "v6", "v9", "v10"});  // read word by word
}
