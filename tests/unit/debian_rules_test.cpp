#include "frontend/debian/lines.hpp"
#include "frontend/debian/rules.hpp"
#include "tests/support/catch.hpp"

using namespace katalint;
using namespace katalint::frontend::debian;

namespace {
std::string at(const ir::SourceFile& f, const ir::Range& r) {
  return std::string(f.text().substr(r.begin, r.end - r.begin));
}
}  // namespace

TEST_CASE("debian/rules: assignments, rules, recipes", "[debian][rules]") {
  ir::SourceFile file(0, "debian/rules",
                      "#!/usr/bin/make -f\n"
                      "export DH_VERBOSE = 1\n"
                      "export PATH:=/opt/go/bin:$(PATH)\n"
                      "GO ?= go\n"
                      "override X += a \\\n  b\n"
                      "export DH_OPTIONS\n\n"
                      "%:\n\tdh $@ --with golang\n\n"
                      "override_dh_auto_test:\n"
                      "ifeq (,$(filter nocheck,$(DEB_BUILD_OPTIONS)))\n"
                      "\tcd x; \\\n\tmake check\n"
                      "endif\n"
                      "override_dh_auto_clean:\n"
                      "define BODY\nfoo: bar\nendef\n");
  ir::DiagnosticSink sink;
  const DebianRules r = parse_debian_rules(file, sink);
  CHECK(sink.diagnostics().empty());
  CHECK(r.shebang == "#!/usr/bin/make -f");
  REQUIRE(r.assignments.size() == 4);
  CHECK(r.assignments[0].name == "DH_VERBOSE");
  CHECK(r.assignments[0].exported);
  CHECK(r.assignments[1].op == ":=");
  CHECK(at(file, r.assignments[1].value_range) == "/opt/go/bin:$(PATH)");
  CHECK(r.assignments[2].op == "?=");
  CHECK(r.assignments[3].overridden);
  CHECK(r.assignments[3].value == "a \\\n  b");
  REQUIRE(r.rules.size() == 3);
  CHECK(r.rules[0].targets.at(0).name == "%");
  CHECK(r.rules[0].recipe.at(0).text == "dh $@ --with golang");
  const RulesRule* test = r.find_rule("override_dh_auto_test");
  REQUIRE(test != nullptr);
  REQUIRE(test->recipe.size() == 1);
  CHECK(test->recipe[0].text == "cd x; \\\n\tmake check");
  CHECK(at(file, test->targets[0].range) == "override_dh_auto_test");
  CHECK(r.find_rule("override_dh_auto_clean")->recipe.empty());
  CHECK(r.directives.size() >= 5);  // export, ifeq, endif, define, endef
  CHECK(reprint(r) == file.text());
}

TEST_CASE("debian/rules: syntax errors", "[debian][rules]") {
  ir::SourceFile file(0, "debian/rules", "\tcommand first\nnot a rule\n");
  ir::DiagnosticSink sink;
  const DebianRules r = parse_debian_rules(file, sink);
  CHECK(sink.diagnostics().size() == 2);
  CHECK(reprint(r) == file.text());
}

TEST_CASE("series, install and source/format", "[debian][lines]") {
  ir::DiagnosticSink sink;
  ir::SourceFile series(0, "debian/patches/series", "# c\n01-fix.patch -p1 # why\n\n02.diff\n");
  const auto s = parse_series(series, series.text(), nullptr, sink);
  REQUIRE(s.entries.size() == 2);
  CHECK(s.entries[0].words.size() == 2);
  CHECK(s.entries[0].comment == "# why");
  CHECK(at(series, s.entries[1].words[0].range) == "02.diff");
  CHECK(reprint(s) == series.text());

  ir::SourceFile install(0, "debian/foo.install", "usr/bin/a#b usr/bin\n#c\n");
  const auto i = parse_install(install, install.text(), nullptr, sink);
  REQUIRE(i.entries.size() == 1);
  CHECK(i.entries[0].words[0].text == "usr/bin/a#b");
  CHECK(reprint(i) == install.text());

  ir::SourceFile format(0, "debian/source/format", "3.0 (quilt)\n");
  const auto f = parse_source_format(format, format.text(), nullptr, sink);
  CHECK(f.value == "3.0 (quilt)");
  CHECK(at(format, f.value_range) == "3.0 (quilt)");
  CHECK(sink.diagnostics().empty());
  ir::SourceFile empty(0, "debian/source/format", "\n");
  parse_source_format(empty, empty.text(), nullptr, sink);
  CHECK(sink.diagnostics().size() == 1);
}
