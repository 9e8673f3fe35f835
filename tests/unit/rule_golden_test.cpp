// Golden tests per check (ruff's fixture + snapshot): tests/golden/rules/<id>/input.spec (for
// other file kinds: the rule's example file name, e.g. debian/control) is linted with only that
// check selected, for the rule's example target. expected.txt holds the findings (gcc format)
// and expected.fixed.spec (expected.fixed) the file after --fix --unsafe-fixes, when that
// changes it. Regenerate with KATALINT_UPDATE_GOLDEN=1 and review the diff.
#include <filesystem>
#include <fstream>
#include <iterator>

#include "rules/docs.hpp"
#include "rules/registry.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/golden.hpp"
#include "tests/support/lint_support.hpp"

namespace {

using namespace katalint;
namespace fs = std::filesystem;

const fs::path kDir = fs::path(KATALINT_SOURCE_DIR) / "tests" / "golden" / "rules";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

frontend::AnalyzeOptions only(const rules::RuleInfo& rule) {
  frontend::AnalyzeOptions o;
  o.target = rules::example_target(rule);
  o.rules.has_select = true;
  o.rules.select = {std::string(rule.id)};
  return o;
}

bool is_spec(const std::string& name) { return name.size() >= 5 && name.substr(name.size() - 5) == ".spec"; }

}  // namespace

TEST_CASE("rule goldens: every check has one, and its findings and fixes match", "[rules][golden]") {
  for (const auto* rule : rules::all_rules()) {
    if (rule->origin != rules::Origin::Check) continue;
    INFO(rule->id);
    const fs::path dir = kDir / std::string(rule->id);
    const std::string example = rules::example_file(*rule);
    const std::string name = is_spec(example) ? "input.spec" : example;
    const fs::path input = dir / name;
    REQUIRE(fs::exists(input));
    const auto options = only(*rule);
    const std::string display = "tests/golden/rules/" + std::string(rule->id) + "/" + name;
    const auto run = testing::lint_file(input, options, display);
    KATALINT_CHECK_GOLDEN(dir / "expected.txt", run.gcc());
    CHECK(run.fires(rule->id));

    const std::string text = read(input);
    const std::string fixed = testing::fix_text(name, text, options, true);
    const fs::path expected_fixed = dir / (is_spec(name) ? "expected.fixed.spec" : "expected.fixed");
    if (fixed != text || fs::exists(expected_fixed)) KATALINT_CHECK_GOLDEN(expected_fixed, fixed);
    // A second --fix changes nothing.
    CHECK(testing::fix_text(name, fixed, options, true) == fixed);
  }
}
