// The rule registry: one sorted table, complete docs, and examples that are tests
// (ShellCheck's prop_verifyOptionalExamples).
#include <algorithm>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "rules/docs.hpp"
#include "rules/registry.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

namespace {

using namespace katalint;
using rules::Origin;
using rules::RuleInfo;

bool kebab_case(std::string_view id) {
  static const std::regex re("[a-z0-9]+(-[a-z0-9]+)*");
  return std::regex_match(std::string(id), re);
}

std::vector<std::string> aliases_of(const RuleInfo& r) {
  std::vector<std::string> out;
  std::istringstream in{std::string(r.aliases)};
  for (std::string a; in >> a;) out.push_back(a);
  return out;
}

frontend::AnalyzeOptions example_options(const RuleInfo& rule) {
  frontend::AnalyzeOptions o;
  o.target = rules::example_target(rule);
  o.rules.extend_select = {std::string(rule.id)};  // run it whatever its target families
  return o;
}

}  // namespace

TEST_CASE("registry: ids are sorted, unique, kebab-case and match their symbols", "[registry]") {
  const auto all = rules::all_rules();
  REQUIRE(all.size() > 50);
  std::set<std::string> names;
  for (std::size_t i = 0; i < all.size(); ++i) {
    INFO(all[i]->id);
    CHECK(kebab_case(all[i]->id));
    if (i > 0) CHECK(all[i - 1]->id < all[i]->id);
    CHECK(names.insert(std::string(all[i]->id)).second);
    CHECK(rules::find_rule(all[i]->id) == all[i]);
  }
  // rules.def rows name files whose symbol is the id with '_' for '-'.
  std::ifstream def(std::string(KATALINT_SOURCE_DIR) + "/rules/rules.def");
  REQUIRE(def);
  std::size_t rows = 0;
  const std::regex row(R"(^KATALINT_RULE\((\w+), (\w+)\))");
  for (std::string line; std::getline(def, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, row)) continue;
    std::string id = m[2];
    std::replace(id.begin(), id.end(), '_', '-');
    INFO(line);
    CHECK(rules::find_rule(id) != nullptr);
    CHECK(std::filesystem::exists(std::string(KATALINT_SOURCE_DIR) + "/rules/" + std::string(m[1]) + "/" +
                                  std::string(m[2]) + ".cpp"));
    ++rows;
  }
  CHECK(rows == all.size());
}

TEST_CASE("registry: aliases resolve and never shadow an id", "[registry]") {
  std::set<std::string> seen;
  for (const auto* r : rules::all_rules()) {
    for (const auto& a : aliases_of(*r)) {
      INFO(r->id << " alias " << a);
      CHECK(seen.insert(a).second);
      CHECK(rules::find_rule(a) == r);
      const auto* direct = rules::find_rule(a);
      CHECK(direct->id != a);
    }
  }
  CHECK(rules::find_rule("setup-not-quiet")->id == "setup-style");
  CHECK(rules::find_rule("no-such-rule") == nullptr);
}

TEST_CASE("registry: every rule is documented and wired to its origin", "[registry]") {
  for (const auto* r : rules::all_rules()) {
    INFO(r->id);
    CHECK(!r->summary.empty());
    CHECK(r->summary.back() != '.');
    CHECK(!(r->summary.front() >= 'A' && r->summary.front() <= 'Z'));
    CHECK(!r->doc.what.empty());
    CHECK(!r->doc.why.empty());
    CHECK(!r->doc.example.empty());
    CHECK(!r->doc.use_instead.empty());
    CHECK(!r->doc.fix_safety.empty());
    CHECK(!r->doc.reference.empty());
    CHECK((r->check != nullptr) == (r->origin == Origin::Check));
    if (r->origin == Origin::Check) CHECK(r->families != 0);
    // Checks are runnable by definition: their examples must be tests.
    if (r->origin == Origin::Check) CHECK(r->doc.not_runnable.empty());
  }
}

// A --values file is read by the command line, not linted: its examples go to the reader.
bool values_file_fires(std::string_view text) {
  ir::SourceManager sm;
  const auto id = sm.add("values.txt", std::string(text));
  ir::DiagnosticSink sink;
  frontend::parse_values_file(sm.file(id), sink);
  return std::any_of(sink.diagnostics().begin(), sink.diagnostics().end(),
                     [](const ir::Diagnostic& d) { return d.rule == "values-file-syntax"; });
}

TEST_CASE("registry: every example fires its rule and every 'use instead' does not", "[registry][examples]") {
  for (const auto* r : rules::all_rules()) {
    if (!r->doc.not_runnable.empty()) continue;
    if (r->id == "values-file-syntax") {
      CHECK(values_file_fires(r->doc.example));
      CHECK_FALSE(values_file_fires(r->doc.use_instead));
      continue;
    }
    const auto options = example_options(*r);
    const std::string name = rules::example_file(*r);
    {
      INFO(r->id << ": Example");
      const auto run = testing::lint_text(name, r->doc.example, options);
      INFO(run.gcc());
      CHECK(run.fires(r->id));
    }
    {
      INFO(r->id << ": Use instead");
      auto good = options;
      // "Use instead" of unknown-target is the same spec with a real target.
      if (r->id == "unknown-target") good.target.clear();
      const auto run = testing::lint_text(name, r->doc.use_instead, good);
      INFO(run.gcc());
      CHECK_FALSE(run.fires(r->id));
    }
  }
}

TEST_CASE("registry: fixes of an example converge and keep rpm's errors away", "[registry][examples]") {
  for (const auto* r : rules::all_rules()) {
    if (r->fix == rules::FixAvailability::None || !r->doc.not_runnable.empty() || r->id == "values-file-syntax")
      continue;
    INFO(r->id);
    const auto options = example_options(*r);
    const std::string name = rules::example_file(*r);
    int passes = 0;
    const std::string fixed = testing::fix_text(name, r->doc.example, options, true, &passes);
    CHECK(fixed != r->doc.example);
    CHECK(passes < 10);
    const auto after = testing::lint_text(name, fixed, options);
    INFO(fixed << "\n" << after.gcc());
    CHECK_FALSE(after.fires(r->id));
    for (const auto& d : after.diagnostics) CHECK(d.severity != ir::Severity::Error);
  }
}

TEST_CASE("registry: rule pages render every heading", "[registry]") {
  const auto page = rules::render_markdown(*rules::find_rule("build-system-tag"));
  for (const char* heading : {"## What it does", "## Why", "## Example", "## Use instead", "## Fix safety", "## Reference"})
    CHECK(page.find(heading) != std::string::npos);
  CHECK(page.find("Also selected by: `hardcoded-packager-tag`") != std::string::npos);
  // Bytes that are not UTF-8 are shown escaped, so the page stays text.
  const auto encoding = rules::render_markdown(*rules::find_rule("invalid-encoding"));
  CHECK(encoding.find("Caf\\xe9") != std::string::npos);
}
