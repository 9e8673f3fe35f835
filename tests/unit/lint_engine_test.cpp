// The lint engine: rule selection, inline suppressions, configuration files, baselines and fixes.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cli/baseline.hpp"
#include "cli/config.hpp"
#include "cli/fix.hpp"
#include "rules/engine.hpp"
#include "rules/registry.hpp"
#include "rules/suppression.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"

namespace {

using namespace katalint;
using testing::lint_text;
using testing::TempDir;
namespace fs = std::filesystem;

const char* const kSpec = R"(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Packager:       Jane Doe <jane@example.org>

%description
An example package.

%files
)";

std::string with_line(std::string_view spec, std::string_view after, std::string_view line) {
  std::string s(spec);
  const auto at = s.find(after);
  REQUIRE(at != std::string::npos);
  s.insert(s.find('\n', at) + 1, std::string(line) + "\n");
  return s;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("columns: bytes on ASCII lines, code points on the others", "[engine][source]") {
  ir::SourceManager sm;
  const auto id = sm.add("x", "abc\nd\xc3\xa9" "f\n\xff" "g\nlast");
  const auto& f = sm.file(id);
  CHECK(f.position(2).column == 3);
  CHECK(f.position(8).line == 2);
  CHECK(f.position(8).column == 4);  // 'f' after the two-byte e-acute
  CHECK(f.position(10).column == 2);  // an invalid byte counts as one
  CHECK(f.position(13).line == 4);
  CHECK(f.position(15).column == 4);
  CHECK(f.position(999).line == 4);
}

TEST_CASE("targets map to families", "[engine]") {
  CHECK(rules::family_of("opensuse-tumbleweed") == rules::Family::Suse);
  CHECK(rules::family_of("sle15") == rules::Family::Suse);
  CHECK(rules::family_of("fedora") == rules::Family::Fedora);
  CHECK(rules::family_of("rhel9") == rules::Family::Fedora);
  CHECK(rules::family_of("rpm") == rules::Family::Generic);
  CHECK(rules::family_of("ubuntu") == rules::Family::Ubuntu);
}

TEST_CASE("rule sets: target defaults, select, extend-select, ignore", "[engine]") {
  const auto& suse_only = *rules::find_rule("suse-release-not-zero");
  const auto& everywhere = *rules::find_rule("build-system-tag");
  const auto& frontend = *rules::find_rule("unterminated-if");
  rules::RuleSettings s;
  {
    rules::RuleSet set(s, rules::Family::Suse);
    CHECK(set.enabled(suse_only));
    CHECK(set.enabled(everywhere));
  }
  {
    rules::RuleSet fedora(s, rules::Family::Fedora);
    CHECK_FALSE(fedora.enabled(suse_only));
    rules::RuleSet generic(s, rules::Family::Generic);  // rpm: only rules of every family
    CHECK_FALSE(generic.enabled(suse_only));
    CHECK(generic.enabled(everywhere));
  }
  s.extend_select = {"suse-release-not-zero"};
  CHECK(rules::RuleSet(s, rules::Family::Fedora).enabled(suse_only));
  s = {};
  s.has_select = true;
  s.select = {"suse-release-not-zero"};
  {
    rules::RuleSet set(s, rules::Family::Fedora);
    CHECK(set.enabled(suse_only));
    CHECK_FALSE(set.enabled(everywhere));
    CHECK(set.enabled(frontend));  // select applies to checks; frontend errors stay
  }
  s.ignore = {"suse-release-not-zero", "unterminated-if"};
  {
    rules::RuleSet set(s, rules::Family::Suse);
    CHECK_FALSE(set.enabled(suse_only));  // ignore wins
    CHECK_FALSE(set.enabled(frontend));
    CHECK(set.enabled("a-rule-not-registered-yet"));
  }
  s = {};
  s.has_select = true;
  s.select = {"all"};
  CHECK(rules::RuleSet(s, rules::Family::Generic).enabled(suse_only));
}

TEST_CASE("suppressions: parsing", "[engine][suppression]") {
  ir::SourceManager sm;
  const auto id = sm.add("x.spec",
                         "# katalint: disable=a,b because\n"
                         "# katalint: disable-file=c\n"
                         "Name: x\n"
                         "Packager: me   # katalint: disable=build-system-tag, hardcoded-packager-tag reason\n"
                         "#katalint:disable=d\n"
                         "# katalint: ignore=e\n"
                         "# katalint: disable=\n"
                         "# katalint: disable=last\n");
  const auto s = rules::parse_suppressions(sm.file(id));
  REQUIRE(s.size() == 7);
  CHECK(s[0].standalone);
  CHECK(s[0].codes.size() == 2);
  CHECK(s[0].codes[1].name == "b");
  CHECK(s[0].covers == 3);  // stacked comments cover the first line after them
  CHECK(s[1].whole_file);
  CHECK_FALSE(s[2].standalone);
  CHECK(s[2].covers == 4);
  CHECK(s[2].codes.size() == 2);
  CHECK(s[2].codes[1].name == "hardcoded-packager-tag");
  CHECK(sm.file(id).text().substr(s[2].removal.begin, s[2].removal.size()).find("Packager") == std::string::npos);
  CHECK(s[3].codes.size() == 1);  // no blanks needed
  CHECK(s[4].error.find("unknown katalint directive 'ignore'") != std::string::npos);
  CHECK(s[5].error.find("no rule names") != std::string::npos);
  CHECK(s[6].covers == 9);  // the empty line after the final newline
}

TEST_CASE("suppressions: hide findings, report unused ones", "[engine][suppression]") {
  frontend::AnalyzeOptions o;
  SECTION("trailing comment covers its line") {
    std::string spec(kSpec);
    spec.replace(spec.find("<jane@example.org>"), 18, "<jane@example.org> # katalint: disable=build-system-tag");
    const auto run = lint_text("example.spec", spec, o);
    CHECK_FALSE(run.fires("build-system-tag"));
    CHECK_FALSE(run.fires("unused-suppression"));
  }
  SECTION("standalone comment covers the next line; an rpmlint alias works") {
    const auto run = lint_text("example.spec", with_line(kSpec, "URL:", "# katalint: disable=hardcoded-packager-tag"), o);
    CHECK_FALSE(run.fires("build-system-tag"));
    CHECK_FALSE(run.fires("unused-suppression"));
  }
  SECTION("a comment two lines above covers nothing") {
    const auto run =
        lint_text("example.spec", with_line(kSpec, "License:", "# katalint: disable=build-system-tag"), o);
    CHECK(run.fires("build-system-tag"));
    CHECK(run.fires("unused-suppression"));
  }
  SECTION("disable-file") {
    const auto run =
        lint_text("example.spec", "# katalint: disable-file=build-system-tag,url-tag-missing\n" + std::string(kSpec), o);
    CHECK_FALSE(run.fires("build-system-tag"));
    REQUIRE(run.count("unused-suppression") == 1);
    const auto& d = *std::find_if(run.diagnostics.begin(), run.diagnostics.end(),
                                  [](const ir::Diagnostic& x) { return x.rule == "unused-suppression"; });
    CHECK(d.message == "unused suppression: 'url-tag-missing'");
    REQUIRE(d.fix);
    CHECK(d.fix->edits[0].replacement == "build-system-tag");
  }
  SECTION("unknown names and malformed directives are reported") {
    auto run = lint_text("example.spec", with_line(kSpec, "URL:", "# katalint: disable=no-such-rule"), o);
    CHECK(run.count("unused-suppression") == 1);
    CHECK(run.gcc().find("'no-such-rule' (unknown rule)") != std::string::npos);
    run = lint_text("example.spec", with_line(kSpec, "URL:", "# katalint: disabel=build-system-tag"), o);
    CHECK(run.gcc().find("unknown katalint directive 'disabel'") != std::string::npos);
    CHECK(run.fires("build-system-tag"));
  }
  SECTION("a rule that does not run here is not unused") {
    o.target = "fedora";  // suse-release-not-zero is a SUSE rule
    const auto run = lint_text("example.spec", with_line(kSpec, "Version:", "# katalint: disable=suse-release-not-zero"), o);
    CHECK_FALSE(run.fires("unused-suppression"));
  }
  SECTION("a suppression in a branch this target does not take is not unused") {
    const std::string spec = with_line(kSpec, "URL:",
                                       "%if 0%{?rhel}\n# katalint: disable=unversioned-provides\nProvides: old\n%endif\n"
                                       "%if 0%{?suse_version}\n# katalint: disable=unversioned-provides\nProvides: new\n%endif");
    auto run = lint_text("example.spec", spec, o);
    CHECK_FALSE(run.fires("unversioned-provides"));
    CHECK_FALSE(run.fires("unused-suppression"));
    o.target = "rhel9";
    run = lint_text("example.spec", spec, o);
    CHECK_FALSE(run.fires("unversioned-provides"));
    CHECK_FALSE(run.fires("unused-suppression"));
  }
  SECTION("unused-suppression itself can be ignored") {
    o.rules.ignore = {"unused-suppression"};
    const auto run = lint_text("example.spec", with_line(kSpec, "URL:", "# katalint: disable=no-such-rule"), o);
    CHECK_FALSE(run.fires("unused-suppression"));
  }
  SECTION("frontend errors can be suppressed too") {
    CHECK(lint_text("example.spec", with_line(kSpec, "URL:", "Foo: bar"), o).fires("unknown-tag-or-section"));
    // By its old id, which stays an alias.
    const auto run = lint_text("example.spec", with_line(kSpec, "URL:", "Foo: bar # katalint: disable=unknown-tag"), o);
    CHECK_FALSE(run.fires("unknown-tag-or-section"));
    CHECK_FALSE(run.fires("unused-suppression"));
  }
  SECTION("the fix of a fully unused comment deletes its line") {
    o.rules.has_select = true;  // no checks: only the engine's own fix applies
    const std::string spec = with_line(kSpec, "URL:", "# katalint: disable=no-such-rule");
    CHECK(testing::fix_text("example.spec", spec, o, false) == kSpec);
  }
}

TEST_CASE("hardcoded-path leaves macros the spec defines itself alone", "[engine]") {
  frontend::AnalyzeOptions o;
  std::string spec = std::string(kSpec) + "/usr/bin/example\n";
  CHECK(lint_text("example.spec", spec, o).fires("hardcoded-path"));
  spec = with_line(spec, "URL:", "%global _bindir /usr/bin");
  CHECK_FALSE(lint_text("example.spec", spec, o).fires("hardcoded-path"));
}

TEST_CASE("configured severities and ignores apply", "[engine]") {
  frontend::AnalyzeOptions o;
  o.rules.severity["build-system-tag"] = ir::Severity::Error;
  auto run = lint_text("example.spec", kSpec, o);
  REQUIRE(run.fires("build-system-tag"));
  for (const auto& d : run.diagnostics)
    if (d.rule == "build-system-tag") CHECK(d.severity == ir::Severity::Error);
  o.rules.ignore = {"build-system-tag"};
  CHECK_FALSE(lint_text("example.spec", kSpec, o).fires("build-system-tag"));
}

TEST_CASE("config: globs", "[config]") {
  using cli::glob_match;
  CHECK(glob_match("*.spec", "a/b/c.spec"));  // no '/': the file name at any depth
  CHECK_FALSE(glob_match("*.spec", "a/b/c.spec-template"));
  CHECK(glob_match("legacy/*.spec", "legacy/x.spec"));
  CHECK_FALSE(glob_match("legacy/*.spec", "legacy/sub/x.spec"));
  CHECK(glob_match("legacy/**", "legacy/sub/x.spec"));
  CHECK(glob_match("**/x.spec", "x.spec"));
  CHECK(glob_match("**/x.spec", "a/b/x.spec"));
  CHECK(glob_match("./pkg/?.spec", "pkg/a.spec"));
  CHECK(glob_match("pkg/[a-c].spec", "pkg/b.spec"));
  CHECK_FALSE(glob_match("pkg/[!a-c].spec", "pkg/b.spec"));
  CHECK(glob_match("a*", "b/a"));
  CHECK_FALSE(glob_match("b/a*", "c/b/a"));  // with a '/', anchored at the configuration's directory
  CHECK(glob_match("*a*b*c*d*e*f*g*h*", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabcdefgh"));
}

TEST_CASE("config: loading, errors with positions, overrides", "[config]") {
  TempDir dir;
  std::string error;
  SECTION("a full file") {
    const auto path = dir.write("katalint.toml", R"(target = "fedora"
fail-on = "error"
select = ["build-system-tag", "setup-not-quiet"]
extend-select = ["suse-release-not-zero"]
ignore = ["mixed-use-of-spaces-and-tabs"]
[severity]
setup-style = "warning"
[[overrides]]
paths = ["legacy/**"]
ignore = ["build-system-tag"]
target = "sle15"
[overrides.severity]
hardcoded-packager-tag = "info"
)");
    const auto config = cli::load_config(path.string(), error);
    INFO(error);
    REQUIRE(config);
    CHECK(config->fail_on == "error");
    REQUIRE(config->top.select);
    CHECK(*config->top.select == std::vector<std::string>{"build-system-tag", "setup-style"});  // aliases resolved
    CHECK(config->top.ignore == std::vector<std::string>{"mixed-tabs-spaces"});
    auto plain = cli::resolve_settings(*config, dir.path() / "pkg" / "x.spec");
    CHECK(plain.target == "fedora");
    CHECK(plain.rules.severity.at("setup-style") == ir::Severity::Warning);
    CHECK(plain.rules.ignore.size() == 1);
    auto legacy = cli::resolve_settings(*config, dir.path() / "legacy" / "old" / "x.spec");
    CHECK(legacy.target == "sle15");
    CHECK(legacy.rules.ignore.size() == 2);
    CHECK(legacy.rules.severity.at("build-system-tag") == ir::Severity::Info);
  }
  auto fails_with = [&](std::string_view text, std::string_view expected) {
    const auto path = dir.write("bad.toml", text);
    error.clear();
    CHECK_FALSE(cli::load_config(path.string(), error));
    INFO(error);
    CHECK(error == path.string() + std::string(expected));
  };
  SECTION("errors") {
    fails_with("selct = []\n", ":1:1: unknown key 'selct' (expected target, fail-on, select, extend-select, ignore, severity or overrides)");
    fails_with("ignore = [\"build-system-tag\", \"nope\"]\n", ":1:31: unknown rule 'nope' in 'ignore' (see 'katalint rules')");
    fails_with("ignore = [\"all\"]\n", ":1:11: unknown rule 'all' in 'ignore' (see 'katalint rules')");
    fails_with("[severity]\nsetup-style = \"fatal\"\n", ":2:15: severity of 'setup-style' must be \"error\", \"warning\" or \"info\"");
    fails_with("[severity]\nnope = \"info\"\n", ":2:1: unknown rule 'nope' in 'severity' (see 'katalint rules')");
    fails_with("target = \"debian-potato\"\n", ":1:10: unknown target 'debian-potato' (known: fedora, opensuse-tumbleweed, rhel9, rpm, sle15)");
    fails_with("fail-on = \"sometimes\"\n", ":1:11: 'fail-on' must be \"error\", \"warning\", \"info\" or \"never\"");
    fails_with("select = \"build-system-tag\"\n", ":1:10: 'select' must be an array of rule ids");
    fails_with("[[overrides]]\nignore = []\n", ":1:1: an [[overrides]] entry needs 'paths'");
    fails_with("[[overrides]]\npaths = [\"*\"]\nfail-on = \"error\"\n",
               ":3:1: unknown key 'fail-on' in [[overrides]] (expected paths, target, select, extend-select, ignore or severity)");
    fails_with("select = [\n", ":1:12: Error while parsing array: encountered end-of-file");
  }
}

TEST_CASE("config: discovery walks up", "[config]") {
  TempDir dir;
  dir.write("a/.katalint.toml", "");
  dir.write("a/b/c/x.spec", "");
  CHECK(cli::find_config(dir.path() / "a" / "b" / "c") == (dir.path() / "a" / ".katalint.toml").string());
  dir.write("a/b/katalint.toml", "");
  dir.write("a/b/.katalint.toml", "");
  CHECK(cli::find_config(dir.path() / "a" / "b" / "c") == (dir.path() / "a" / "b" / "katalint.toml").string());
}

TEST_CASE("baseline: fingerprints survive moved lines; stale entries are reported", "[baseline]") {
  CHECK(cli::normalise_line("  Packager:\t Jane   Doe \r") == "Packager: Jane Doe");
  TempDir dir;
  const auto spec_path = dir.write("pkg/example.spec", kSpec);
  frontend::AnalyzeOptions o;
  auto run = testing::lint_file(spec_path, o);
  REQUIRE(run.fires("build-system-tag"));
  const std::string baseline_path = (dir.path() / "baseline.json").string();
  std::string error;
  const auto written = cli::write_baseline(baseline_path, run.diagnostics, run.sources, error);
  REQUIRE(written);
  CHECK(*written == run.diagnostics.size());
  const std::string text = read(baseline_path);
  CHECK(text.find("\"file\":\"pkg/example.spec\"") != std::string::npos);  // relative to the baseline
  CHECK(text.find("\"line\":\"Packager: Jane Doe <jane@example.org>\"") != std::string::npos);
  auto baseline = cli::load_baseline(baseline_path, error);
  REQUIRE(baseline);
  {  // Same findings, another line: all hidden, nothing stale.
    dir.write("pkg/example.spec", "# moved\n" + std::string(kSpec));
    auto moved = testing::lint_file(spec_path, o);
    cli::apply_baseline(*baseline, {spec_path.string()}, moved.diagnostics, moved.sources);
    CHECK(moved.diagnostics.empty());
  }
  {  // The Packager line changed: the new finding shows, its old entry is stale.
    std::string spec(kSpec);
    spec.replace(spec.find("Jane Doe"), 8, "John Roe");
    dir.write("pkg/example.spec", spec);
    auto changed = testing::lint_file(spec_path, o);
    cli::apply_baseline(*baseline, {spec_path.string()}, changed.diagnostics, changed.sources);
    CHECK(changed.count("build-system-tag") == 1);
    REQUIRE(changed.count("stale-baseline-entry") == 1);
    for (const auto& d : changed.diagnostics)
      if (d.rule == "stale-baseline-entry") {
        CHECK(d.severity == ir::Severity::Info);
        CHECK(changed.sources.file(d.range.file).path() == baseline_path);
        CHECK(changed.sources.file(d.range.file).position(d.range.begin).line == 4);
      }
  }
  {  // Entries of files not linted in this run are not stale.
    auto other = testing::lint_text("other.spec", kSpec, o);
    const auto before = other.diagnostics.size();
    cli::apply_baseline(*baseline, {"other.spec"}, other.diagnostics, other.sources);
    CHECK(other.diagnostics.size() == before);
  }
  {  // A count limits how many identical findings are hidden.
    std::ofstream(baseline_path) << "{\"version\": 1, \"findings\": [\n"
                                    "  {\"rule\": \"x\", \"file\": \"f.spec\", \"line\": \"a\", \"count\": 0}]}";
    CHECK_FALSE(cli::load_baseline(baseline_path, error));
    CHECK(error.find("count must be a positive integer") != std::string::npos);
  }
}

TEST_CASE("fixes: non-overlapping edits in one pass, the rest later", "[fix]") {
  const std::string text = "abcdef";
  auto diag = [](std::string rule, std::uint32_t b, std::uint32_t e, std::string repl,
                 ir::Applicability a = ir::Applicability::Safe) {
    ir::Diagnostic d;
    d.rule = std::move(rule);
    d.fix = ir::Fix{"t", a, {{{0, b, e}, std::move(repl)}}};
    return d;
  };
  std::vector<ir::Diagnostic> ds = {diag("a", 0, 2, "X"), diag("b", 1, 3, "Y"), diag("c", 3, 3, "+"),
                                    diag("d", 3, 4, "Z"), diag("e", 5, 6, "U", ir::Applicability::Unsafe)};
  auto pass = cli::apply_fixes(text, 0, ds, false);
  REQUIRE(pass);
  CHECK(pass->text == "Xc+def");  // b overlaps a; d starts where the insertion c is; e is unsafe
  CHECK(pass->applied == 2);
  pass = cli::apply_fixes(text, 0, ds, true);
  CHECK(pass->text == "Xc+deU");
  ds.push_back(diag("outside", 0, 99, ""));  // beyond the file: never applied
  ds.push_back(diag("other-file", 0, 1, ""));
  ds.back().fix->edits[0].range.file = 7;
  CHECK(cli::apply_fixes(text, 0, {ds[5], ds[6]}, true) == std::nullopt);
}

TEST_CASE("fixes: unified diff", "[fix]") {
  CHECK(cli::unified_diff("a\n", "a\n", "x") == "");
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += std::to_string(i) + "\n";
    if (i != 5 && i != 15) after += std::to_string(i) + "\n";
    if (i == 15) after += "fifteen\n";
  }
  CHECK(cli::unified_diff(before, after, "f.spec") ==
        "--- f.spec\n+++ f.spec\n"
        "@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-5\n 6\n 7\n 8\n"
        "@@ -12,7 +11,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n");
  CHECK(cli::unified_diff("a\nb", "a\nc", "f") == "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
}

TEST_CASE("fixes: atomic writes keep mode, owner and symlinks", "[fix]") {
  TempDir dir;
  const auto file = dir.write("x.spec", "old\n");
  ::chmod(file.c_str(), 0640);
  std::string error;
  REQUIRE(cli::write_atomically(file.string(), std::string_view("old\n"), "new\n", error));
  CHECK(read(file) == "new\n");
  struct stat st {};
  ::stat(file.c_str(), &st);
  CHECK((st.st_mode & 07777) == 0640);

  // A file that changed since it was read is left alone.
  CHECK_FALSE(cli::write_atomically(file.string(), std::string_view("old\n"), "newer\n", error));
  CHECK(error.find("changed while katalint ran") != std::string::npos);
  CHECK(read(file) == "new\n");

  // Through a symlink: the target changes, the link stays.
  fs::create_symlink("x.spec", dir.path() / "link.spec");
  REQUIRE(cli::write_atomically((dir.path() / "link.spec").string(), std::nullopt, "via link\n", error));
  CHECK(fs::is_symlink(dir.path() / "link.spec"));
  CHECK(read(file) == "via link\n");

  // A new file.
  REQUIRE(cli::write_atomically((dir.path() / "new.json").string(), std::nullopt, "{}\n", error));
  CHECK(read(dir.path() / "new.json") == "{}\n");

  // Nothing but the files themselves is left in the directory.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 3);

  if (::geteuid() == 0) {  // only root can hand a file to another owner
    REQUIRE(::chown(file.c_str(), 65534, 65534) == 0);
    REQUIRE(cli::write_atomically(file.string(), std::nullopt, "owned\n", error));
    ::stat(file.c_str(), &st);
    CHECK(st.st_uid == 65534);
    CHECK(st.st_gid == 65534);
  }
  CHECK_FALSE(cli::write_atomically((dir.path() / "no-such-dir" / "x").string(), std::nullopt, "x", error));
}
