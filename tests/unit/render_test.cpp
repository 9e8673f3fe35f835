#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "cli/render.hpp"
#include "cli/render/common.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"
#include "rules/registry.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/golden.hpp"

namespace {

using namespace katalint;
using cli::OutputFormat;
using cli::RenderOptions;
using nlohmann::json;

const std::string kGoldenDir = std::string(KATALINT_SOURCE_DIR) + "/tests/golden/render/";
// Paths shown in output stay relative so the goldens do not depend on the checkout.
const std::string kDisplayDir = "tests/golden/render/";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The range of the `nth` occurrence of `needle` in a file, so tests never hard-code offsets.
ir::Range find(const ir::SourceManager& sm, ir::FileId id, std::string_view needle,
               std::size_t nth = 0) {
  const std::string_view text = sm.file(id).text();
  std::size_t pos = text.find(needle);
  for (std::size_t i = 0; i < nth && pos != std::string_view::npos; ++i)
    pos = text.find(needle, pos + 1);
  REQUIRE(pos != std::string_view::npos);
  return {id, static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + needle.size())};
}

ir::Range at(ir::FileId id, std::uint32_t begin, std::uint32_t end) { return {id, begin, end}; }

struct Fixture {
  ir::SourceManager sources;
  std::vector<ir::Diagnostic> diagnostics;
  RenderOptions options;
};

// input.spec: a tab, a non-ASCII dash before a diagnostic and one CRLF line.
// input.control: a message that needs escaping. clean.spec: no findings.
Fixture golden_fixture() {
  Fixture fx;
  auto& sm = fx.sources;
  const auto spec = sm.add(kDisplayDir + "input.spec", read_file(kGoldenDir + "input.spec"));
  const auto control =
      sm.add(kDisplayDir + "input.control", read_file(kGoldenDir + "input.control"));
  fx.options.files = {kDisplayDir + "clean.spec", kDisplayDir + "input.control",
                      kDisplayDir + "input.spec"};
  fx.options.tool_version = "0.0.0-test";

  ir::DiagnosticSink sink;
  {  // After a tab and a multi-byte character; a note elsewhere; a safe fix.
    auto& d = sink.report("unbound-placeholder", ir::Severity::Warning, find(sm, spec, "@VERSION@", 1),
                          "placeholder @VERSION@ has no value");
    d.notes.push_back({find(sm, spec, "@VERSION@", 0), "the placeholder is also used here"});
    d.fix = ir::Fix{"use the %{version} macro",
                    ir::Applicability::Safe,
                    {{find(sm, spec, "@VERSION@", 1), "%{version}"}}};
  }
  // A range that covers a tab.
  sink.report("example-tab-range", ir::Severity::Info, find(sm, spec, "Summary:\tKata"),
              "tag value is separated by a tab");
  {  // Points at the CR of a CRLF line; the fix deletes it.
    const auto cr = find(sm, spec, "\r");
    auto& d = sink.report("example-crlf", ir::Severity::Warning, cr, "line ends with a carriage return");
    d.fix = ir::Fix{"remove the carriage return", ir::Applicability::Safe, {{cr, ""}}};
  }
  {  // An empty range with an unsafe insertion.
    const auto zero = find(sm, spec, "Release:        0");
    auto& d = sink.report("example-insertion", ir::Severity::Info, at(spec, zero.end, zero.end),
                          "release has no dist tag");
    d.fix = ir::Fix{"append %{?dist}", ir::Applicability::Unsafe, {{at(spec, zero.end, zero.end), "%{?dist}"}}};
  }
  {  // A range over two lines; its fix rewrites both and so shows no fix-it line.
    const auto body = find(sm, spec, "The runtime\nspans lines.");
    auto& d = sink.report("example-multiline", ir::Severity::Warning, body,
                          "description is wrapped too early");
    d.fix = ir::Fix{"join the lines", ir::Applicability::DisplayOnly, {{body, "The runtime spans lines."}}};
  }
  {  // No location at all, with a note that has none either.
    auto& d = sink.report("internal-error", ir::Severity::Error, ir::Range{},
                          "the frontend gave up on this run");
    d.notes.push_back({ir::Range{}, "no file was read"});
  }
  // Characters every escaping scheme must handle.
  sink.report("example-escaping", ir::Severity::Error, find(sm, control, "<bad>"),
              "field \"Depends\" has <bad> & 'odd' value: 100%, sure");

  fx.diagnostics = std::move(sink.diagnostics());
  ir::sort_diagnostics(fx.diagnostics, sm);
  return fx;
}

std::string render_string(OutputFormat format, const std::vector<ir::Diagnostic>& diagnostics,
                          const ir::SourceManager& sources, const RenderOptions& options = {}) {
  std::ostringstream out;
  cli::render(format, diagnostics, sources, options, out);
  return out.str();
}

void check_golden(std::string_view format_name) {
  const auto format = cli::parse_output_format(format_name);
  REQUIRE(format);
  const Fixture fx = golden_fixture();
  KATALINT_CHECK_GOLDEN(kGoldenDir + "expected." + std::string(format_name),
                        render_string(*format, fx.diagnostics, fx.sources, fx.options));
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// One-diagnostic setup for the focused checks below.
struct Single {
  ir::SourceManager sources;
  std::vector<ir::Diagnostic> diagnostics;
  Single(std::string text, std::string_view needle, std::string message = "m",
         std::string path = "f.spec") {
    const auto id = sources.add(std::move(path), std::move(text));
    ir::DiagnosticSink sink;
    sink.report("r", ir::Severity::Warning, find(sources, id, needle), std::move(message));
    diagnostics = std::move(sink.diagnostics());
  }
  std::string render(OutputFormat f, const RenderOptions& o = {}) const {
    return render_string(f, diagnostics, sources, o);
  }
};

}  // namespace

TEST_CASE("render golden: text", "[render][golden]") { check_golden("text"); }
TEST_CASE("render golden: gcc", "[render][golden]") { check_golden("gcc"); }
TEST_CASE("render golden: json", "[render][golden]") { check_golden("json"); }
TEST_CASE("render golden: sarif", "[render][golden]") { check_golden("sarif"); }
TEST_CASE("render golden: github", "[render][golden]") { check_golden("github"); }
TEST_CASE("render golden: checkstyle", "[render][golden]") { check_golden("checkstyle"); }
TEST_CASE("render golden: junit", "[render][golden]") { check_golden("junit"); }

TEST_CASE("render: format names round-trip", "[render]") {
  for (auto f : {OutputFormat::Text, OutputFormat::Gcc, OutputFormat::Json, OutputFormat::Sarif,
                 OutputFormat::Github, OutputFormat::Checkstyle, OutputFormat::Junit})
    CHECK(cli::parse_output_format(cli::to_string(f)) == f);
  CHECK_FALSE(cli::parse_output_format("TEXT"));
  CHECK_FALSE(cli::parse_output_format(""));
}

TEST_CASE("render sarif: properties required by the 2.1.0 schema", "[render][sarif]") {
  const Fixture fx = golden_fixture();
  const json sarif = json::parse(render_string(OutputFormat::Sarif, fx.diagnostics, fx.sources, fx.options));

  CHECK(sarif.at("version") == "2.1.0");
  CHECK(sarif.at("$schema").get<std::string>().find("sarif") != std::string::npos);
  REQUIRE(sarif.at("runs").is_array());
  REQUIRE(sarif.at("runs").size() == 1);
  const json& run = sarif["runs"][0];
  const json& driver = run.at("tool").at("driver");
  CHECK(driver.at("name") == "katalint");
  CHECK(driver.at("version") == "0.0.0-test");
  CHECK(run.at("columnKind") == "unicodeCodePoints");

  const json& rules = driver.at("rules");
  REQUIRE(rules.is_array());
  std::set<std::string> rule_ids;
  for (const auto& r : rules) {
    CHECK(rule_ids.insert(r.at("id").get<std::string>()).second);  // ids are unique
    if (r.contains("defaultConfiguration")) {
      const auto level = r["defaultConfiguration"].at("level").get<std::string>();
      CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
    }
    // A registered rule carries its registry summary.
    if (const auto* info = rules::find_rule(r["id"].get<std::string>()))
      CHECK(r.at("shortDescription").at("text") == info->summary);
  }
  // Exactly the reported rules are listed.
  std::set<std::string> reported;
  for (const auto& d : fx.diagnostics) reported.insert(d.rule);
  CHECK(rule_ids == reported);

  const json& results = run.at("results");
  REQUIRE(results.size() == fx.diagnostics.size());
  auto check_region = [](const json& region) {
    CHECK(region.at("startLine").get<int>() >= 1);
    CHECK(region.at("startColumn").get<int>() >= 1);
    CHECK(region.at("endLine").get<int>() >= region["startLine"].get<int>());
    CHECK(region.at("endColumn").get<int>() >= 1);
    CHECK(region.at("byteOffset").get<int>() >= 0);
    CHECK(region.at("byteLength").get<int>() >= 0);
  };
  std::size_t fixes = 0, located = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const json& r = results[i];
    const auto& d = fx.diagnostics[i];
    CHECK(r.at("message").at("text") == d.message);
    const auto index = r.at("ruleIndex").get<std::size_t>();
    REQUIRE(index < rules.size());
    CHECK(rules[index].at("id") == r.at("ruleId"));
    CHECK(r["ruleId"] == d.rule);
    const auto level = r.at("level").get<std::string>();
    CHECK((level == "error" || level == "warning" || level == "note" || level == "none"));
    if (r.contains("locations")) {
      ++located;
      for (const auto& loc : r["locations"]) {
        const json& phys = loc.at("physicalLocation");
        CHECK_FALSE(phys.at("artifactLocation").at("uri").get<std::string>().empty());
        check_region(phys.at("region"));
      }
    }
    for (const auto& rel : r.value("relatedLocations", json::array())) {
      CHECK(rel.at("message").at("text").is_string());
      if (rel.contains("physicalLocation")) check_region(rel["physicalLocation"].at("region"));
    }
    for (const auto& fix : r.value("fixes", json::array())) {
      ++fixes;
      CHECK(fix.at("description").at("text").is_string());
      REQUIRE_FALSE(fix.at("artifactChanges").empty());
      for (const auto& change : fix["artifactChanges"]) {
        CHECK(change.at("artifactLocation").at("uri").is_string());
        REQUIRE_FALSE(change.at("replacements").empty());
        for (const auto& rep : change["replacements"]) {
          CHECK(rep.at("deletedRegion").at("byteOffset").get<int>() >= 0);
          CHECK(rep.at("deletedRegion").at("byteLength").get<int>() >= 0);
          if (rep.contains("insertedContent")) CHECK(rep["insertedContent"].at("text").is_string());
        }
      }
    }
  }
  CHECK(located == fx.diagnostics.size() - 1);  // all but the unlocated one
  CHECK(fixes == 4);
}

TEST_CASE("render text: caret after a tab keeps the tab", "[render][text]") {
  const Single s("Name:\tfoo bar\n", "bar");
  const auto lines = lines_of(s.render(OutputFormat::Text));
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "f.spec:1:11: warning: m [r]");
  CHECK(lines[1] == "Name:\tfoo bar");
  CHECK(lines[2] == "     \t    ^~~");
}

TEST_CASE("render text: caret after multi-byte UTF-8 counts code points", "[render][text]") {
  // "é" is two bytes and "€" three, but each is one column.
  const Single s("a\xc3\xa9\xe2\x82\xac xyz\n", "xyz");
  const auto lines = lines_of(s.render(OutputFormat::Text));
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "f.spec:1:5: warning: m [r]");
  CHECK(lines[2] == "    ^~~");
}

TEST_CASE("render text: a tab inside the range is underlined to the next tab stop",
          "[render][text]") {
  const Single s("ab\tc\n", "b\tc");
  const auto lines = lines_of(s.render(OutputFormat::Text));
  REQUIRE(lines.size() >= 3);
  // 'b' at column 1 (0-based); the tab runs to column 8; 'c' follows.
  CHECK(lines[2] == " ^" + std::string(7, '~'));
}

TEST_CASE("render text: multi-line range is clamped to its first line and CR is dropped",
          "[render][text]") {
  const Single s("one\r\ntwo three\r\nfour\n", "two three\r\nfo");
  const auto lines = lines_of(s.render(OutputFormat::Text));
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "f.spec:2:1: warning: m [r]");
  CHECK(lines[1] == "two three");
  CHECK(lines[2] == "^~~~~~~~~");
}

TEST_CASE("render text: very long lines are cut around the caret", "[render][text]") {
  const std::string text = std::string(5000, 'x') + "NEEDLE" + std::string(5000, 'y') + "\n";
  const Single s(text, "NEEDLE");
  const auto lines = lines_of(s.render(OutputFormat::Text));
  REQUIRE(lines.size() >= 3);
  CHECK(lines[1].size() < 600);
  CHECK(lines[1].substr(0, 3) == "...");
  CHECK(lines[1].substr(lines[1].size() - 3) == "...");
  const auto caret = lines[2].find('^');
  REQUIRE(caret != std::string::npos);
  CHECK(lines[1].substr(caret, 6) == "NEEDLE");
  CHECK(lines[2].substr(caret) == "^~~~~~");
}

TEST_CASE("render text: fix-it line and applicability", "[render][text]") {
  Single s("Group: Misc\n", "Misc");
  s.diagnostics[0].fix = ir::Fix{"use a real group", ir::Applicability::Unsafe,
                                 {{find(s.sources, 0, "Misc"), "System/Base"}}};
  const auto lines = lines_of(s.render(OutputFormat::Text));
  REQUIRE(lines.size() >= 7);
  CHECK(lines[3] == "help: use a real group (unsafe fix)");
  CHECK(lines[4] == "Group: Misc");
  CHECK(lines[5] == "       ^~~~");
  CHECK(lines[6] == "       System/Base");
}

TEST_CASE("render text: summary line, and nothing when clean", "[render][text]") {
  const Single s("x\n", "x");
  CHECK(s.render(OutputFormat::Text).find("Found 1 problem (1 warning).\n") != std::string::npos);
  ir::SourceManager empty;
  CHECK(render_string(OutputFormat::Text, {}, empty).empty());
  CHECK(render_string(OutputFormat::Gcc, {}, empty).empty());
  CHECK(render_string(OutputFormat::Github, {}, empty).empty());
}

TEST_CASE("render text: colour only when asked", "[render][text]") {
  const Single s("x\n", "x");
  CHECK(s.render(OutputFormat::Text).find('\033') == std::string::npos);
  RenderOptions color;
  color.color = true;
  const auto painted = s.render(OutputFormat::Text, color);
  CHECK(painted.find("\033[1;35mwarning:\033[0m") != std::string::npos);
  CHECK(painted.find("\033[1;32m^\033[0m") != std::string::npos);
  // Machine formats never colour.
  CHECK(s.render(OutputFormat::Gcc, color).find('\033') == std::string::npos);
}

TEST_CASE("render text: control characters in the source are not echoed", "[render][text]") {
  const Single s("a\x1b[31mb\n", "b");
  const auto out = s.render(OutputFormat::Text);
  CHECK(out.find('\x1b') == std::string::npos);
  const auto lines = lines_of(out);
  REQUIRE(lines.size() >= 3);
  CHECK(lines[2] == "      ^");  // the replacement character is one column wide
}

TEST_CASE("render github: escaping of data and properties", "[render][github]") {
  const Single s("x\n", "x", "50% done\r\nnext: a, b", "dir,1/a:b.spec");
  CHECK(s.render(OutputFormat::Github) ==
        "::warning file=dir%2C1/a%3Ab.spec,line=1,col=1,endLine=1,endColumn=1,title=r::"
        "50%25 done%0D%0Anext: a, b\n");
}

TEST_CASE("render github: end position is inclusive and severities map", "[render][github]") {
  ir::SourceManager sm;
  const auto id = sm.add("f", "abc\ndef\n");
  std::vector<ir::Diagnostic> ds;
  ds.push_back({"a", ir::Severity::Error, "m", at(id, 0, 4), {}, {}});  // "abc\n": ends on line 1
  ds.push_back({"b", ir::Severity::Info, "m", at(id, 5, 5), {}, {}});   // empty, inside "def"
  ds.push_back({"c", ir::Severity::Warning, "m", ir::Range{}, {}, {}});
  CHECK(render_string(OutputFormat::Github, ds, sm) ==
        "::error file=f,line=1,col=1,endLine=1,endColumn=3,title=a::m\n"
        "::notice file=f,line=2,col=2,endLine=2,endColumn=2,title=b::m\n"
        "::warning title=c::m\n");
}

TEST_CASE("render xml: escaping and invalid characters", "[render][xml]") {
  const Single s("x\n", "x", "a<b>&\"c\" 'd'\x01\xff", "dir/a&b.spec");
  RenderOptions o;
  o.files = {"clean.spec", "dir/a&b.spec"};
  const auto checkstyle = s.render(OutputFormat::Checkstyle, o);
  CHECK(checkstyle.find("<file name=\"clean.spec\"/>") != std::string::npos);
  CHECK(checkstyle.find("<file name=\"dir/a&amp;b.spec\">") != std::string::npos);
  CHECK(checkstyle.find("message=\"a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;\xef\xbf\xbd\xef\xbf\xbd\"") !=
        std::string::npos);
  CHECK(checkstyle.find('\x01') == std::string::npos);

  const auto junit = s.render(OutputFormat::Junit, o);
  CHECK(junit.find("tests=\"2\" failures=\"1\" errors=\"0\"") != std::string::npos);
  CHECK(junit.find("<testcase classname=\"katalint\" name=\"clean.spec\"/>") != std::string::npos);
  CHECK(junit.find("<failure message=\"1 problem (1 warning)\" type=\"r\">"
                   "dir/a&amp;b.spec:1:1: warning: a&lt;b&gt;&amp;\"c\" 'd' \xef\xbf\xbd [r]\n"
                   "</failure>") != std::string::npos);
}

TEST_CASE("render json: round-trips every field", "[render][json]") {
  const Fixture fx = golden_fixture();
  const json j = json::parse(render_string(OutputFormat::Json, fx.diagnostics, fx.sources, fx.options));
  CHECK(j.at("version") == 1);
  const json& list = j.at("diagnostics");
  REQUIRE(list.size() == fx.diagnostics.size());

  auto check_range = [&](const json& obj, const ir::Range& range) {
    if (!range.valid()) {
      CHECK(obj.at("file").is_null());
      CHECK(obj.at("begin").is_null());
      CHECK(obj.at("end").is_null());
      return;
    }
    const auto& file = fx.sources.file(range.file);
    CHECK(obj.at("file") == file.path());
    for (const auto& [key, offset] : {std::pair{"begin", range.begin}, std::pair{"end", range.end}}) {
      const auto pos = file.position(offset);
      CHECK(obj.at(key).at("byte") == offset);
      CHECK(obj[key].at("line") == pos.line);
      CHECK(obj[key].at("column") == pos.column);
    }
  };
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& d = fx.diagnostics[i];
    const json& o = list[i];
    CHECK(o.at("rule") == d.rule);
    CHECK(o.at("severity") == std::string(ir::to_string(d.severity)));
    CHECK(o.at("message") == d.message);
    check_range(o, d.range);
    REQUIRE(o.at("notes").size() == d.notes.size());
    for (std::size_t n = 0; n < d.notes.size(); ++n) {
      CHECK(o["notes"][n].at("message") == d.notes[n].message);
      check_range(o["notes"][n], d.notes[n].range);
    }
    if (!d.fix) {
      CHECK(o.at("fix").is_null());
      continue;
    }
    CHECK(o["fix"].at("title") == d.fix->title);
    CHECK(o["fix"].at("applicability") == std::string(ir::to_string(d.fix->applicability)));
    REQUIRE(o["fix"].at("edits").size() == d.fix->edits.size());
    for (std::size_t e = 0; e < d.fix->edits.size(); ++e) {
      CHECK(o["fix"]["edits"][e].at("replacement") == d.fix->edits[e].replacement);
      check_range(o["fix"]["edits"][e], d.fix->edits[e].range);
    }
  }
  // Keys keep a stable order.
  const auto ordered = nlohmann::ordered_json::parse(
      render_string(OutputFormat::Json, fx.diagnostics, fx.sources, fx.options));
  std::vector<std::string> keys;
  for (const auto& [key, value] : ordered["diagnostics"][0].items()) keys.push_back(key);
  CHECK(keys == std::vector<std::string>{"file", "rule", "severity", "message", "begin", "end",
                                         "notes", "fix"});
}

TEST_CASE("render: broken ranges and bytes never break any format", "[render]") {
  ir::SourceManager sm;
  const auto id = sm.add("bad\xff.spec", "abc\n\xff\xfe\n");
  std::vector<ir::Diagnostic> ds;
  ds.push_back({"a", ir::Severity::Error, "past the end", at(id, 100, 200), {}, {}});
  ds.push_back({"b", ir::Severity::Error, "reversed", at(id, 3, 1), {}, {}});
  ds.push_back({"c", ir::Severity::Error, "unknown file", at(42, 0, 1), {{at(42, 0, 0), "n"}},
                ir::Fix{"f", ir::Applicability::Safe, {{at(42, 0, 1), "x"}}}});
  ds.push_back({"d", ir::Severity::Info, "bad byte \xc0\x80", at(id, 4, 6), {}, {}});
  for (auto f : {OutputFormat::Text, OutputFormat::Gcc, OutputFormat::Json, OutputFormat::Sarif,
                 OutputFormat::Github, OutputFormat::Checkstyle, OutputFormat::Junit}) {
    INFO(cli::to_string(f));
    std::string out;
    REQUIRE_NOTHROW(out = render_string(f, ds, sm));
    CHECK_FALSE(out.empty());
    if (f == OutputFormat::Json || f == OutputFormat::Sarif) CHECK_NOTHROW(json::parse(out));
  }
  const auto gcc = lines_of(render_string(OutputFormat::Gcc, ds, sm));
  REQUIRE(gcc.size() == 4);
  CHECK(gcc[0] == "bad\xef\xbf\xbd.spec:3:1: error: past the end [a]");  // clamped to the end
  CHECK(gcc[2] == "katalint: error: unknown file [c]");
}

TEST_CASE("golden helper: unified diff", "[golden]") {
  CHECK(testing::unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
  CHECK(testing::unified_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n", "x", "y") ==
        "--- x\n+++ y\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n");
  CHECK(testing::unified_diff("a\n", "a", "x", "y") ==
        "--- x\n+++ y\n@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n");
  CHECK(testing::unified_diff("", "new\n", "x", "y") == "--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n");
}

TEST_CASE("golden helper: mismatch writes .actual, update rewrites", "[golden]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("katalint-golden-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path expected = dir / "expected.txt";
  const fs::path actual = dir / "expected.txt.actual";
  {
    std::ofstream(expected, std::ios::binary) << "old\n";
  }
  const char* saved = std::getenv("KATALINT_UPDATE_GOLDEN");
  const std::string saved_value = saved ? saved : "";
  ::unsetenv("KATALINT_UPDATE_GOLDEN");

  auto r = testing::compare_golden(expected, "new\n");
  CHECK_FALSE(r.ok);
  CHECK(r.report.find("-old\n+new\n") != std::string::npos);
  CHECK(read_file(actual.string()) == "new\n");
  CHECK(read_file(expected.string()) == "old\n");

  ::setenv("KATALINT_UPDATE_GOLDEN", "1", 1);
  r = testing::compare_golden(expected, "new\n");
  CHECK(r.ok);
  CHECK(read_file(expected.string()) == "new\n");
  CHECK_FALSE(fs::exists(actual));

  ::unsetenv("KATALINT_UPDATE_GOLDEN");
  CHECK(testing::compare_golden(expected, "new\n").ok);
  CHECK_FALSE(testing::compare_golden(dir / "missing.txt", "x").ok);
  CHECK(fs::exists(dir / "missing.txt.actual"));

  if (saved) ::setenv("KATALINT_UPDATE_GOLDEN", saved_value.c_str(), 1);
  fs::remove_all(dir);
}

// one_line() skips printable ASCII eight bytes at a time; every other byte must still be
// seen wherever it stands.
TEST_CASE("one_line: a control, DEL or stray high byte is replaced at every offset", "[render]") {
  const std::string plain = "abcdefghijklmnopqrstuvwx";
  for (const unsigned byte : {0x00u, 0x09u, 0x0au, 0x0du, 0x1fu, 0x7fu, 0x80u, 0xc3u, 0xffu}) {
    for (std::size_t at = 0; at < plain.size(); ++at) {
      std::string input = plain;
      input[at] = static_cast<char>(byte);
      const std::string replacement = byte < 0x20 || byte == 0x7f ? " " : "\xEF\xBF\xBD";
      INFO("byte " << byte << " at " << at);
      CHECK(cli::render_detail::one_line(input) == plain.substr(0, at) + replacement + plain.substr(at + 1));
    }
  }
  CHECK(cli::render_detail::one_line("caf\xC3\xA9 \xE2\x82\xAC and more text") == "caf\xC3\xA9 \xE2\x82\xAC and more text");
}
