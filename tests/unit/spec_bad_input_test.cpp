// Bad spec input gets a positioned diagnostic and never a crash (spec frontend issue).
#include <filesystem>
#include <fstream>
#include <string>

#include "frontend/analyze.hpp"
#include "tests/support/catch.hpp"

namespace {

using namespace katalint;

const std::string kHead =
    "Name: demo\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n";

struct Result {
  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  ir::Package package;
};

std::unique_ptr<Result> evaluate(const std::string& text, const std::string& path = "demo.spec") {
  auto r = std::make_unique<Result>();
  const auto id = r->sources.add(path, text);
  frontend::AnalyzeOptions options;
  options.target = "rpm";
  r->package = frontend::evaluate_spec_file(r->sources, id, options, r->sink);
  return r;
}

// The message of the first diagnostic with `rule`.
std::string message(const Result& r, const std::string& rule) {
  for (const auto& d : r.sink.diagnostics())
    if (d.rule == rule) return d.message;
  return "";
}

// The first diagnostic with `rule`, as "line:col", or "" when there is none.
std::string where(const Result& r, const std::string& rule) {
  for (const auto& d : r.sink.diagnostics()) {
    if (d.rule != rule || !d.range.valid()) continue;
    const auto pos = r.sources.file(d.range.file).position(d.range.begin);
    return std::to_string(pos.line) + ":" + std::to_string(pos.column);
  }
  return "";
}

}  // namespace

TEST_CASE("bad spec input: conditionals", "[spec-bad-input]") {
  SECTION("unterminated %if") {
    auto r = evaluate(kHead + "%if 1\n%build\nmake\n");
    CHECK(where(*r, "unterminated-if") == "8:1");
  }
  SECTION("%endif without %if") {
    auto r = evaluate(kHead + "%build\n%endif\n");
    CHECK(where(*r, "unmatched-conditional") == "9:1");
  }
  SECTION("a second %else") {
    auto r = evaluate(kHead + "%if 0\n%else\n%else\n%endif\n");
    CHECK(where(*r, "duplicate-else") == "10:1");
  }
}

TEST_CASE("bad spec input: sections and tags", "[spec-bad-input]") {
  SECTION("unknown section") {
    auto r = evaluate("Name: demo\n%descriptoin\n");
    CHECK(where(*r, "unknown-tag-or-section") == "2:1");
    CHECK(message(*r, "unknown-tag-or-section").find("did you mean '%description'?") != std::string::npos);
  }
  SECTION("malformed tag") {
    auto r = evaluate("Name: demo\nVersion 1\n");
    CHECK(where(*r, "unknown-tag-or-section") == "2:1");
  }
  SECTION("misspelt tag") {
    auto r = evaluate("Name: demo\nRequieres: bash\n");
    CHECK(where(*r, "unknown-tag-or-section") == "2:1");
    CHECK(message(*r, "unknown-tag-or-section").find("did you mean 'Requires'?") != std::string::npos);
  }
  SECTION("a tag far from every known one gets no suggestion") {
    auto r = evaluate("Name: demo\nFrobnicate: bash\n");
    CHECK(where(*r, "unknown-tag-or-section") == "2:1");
    CHECK(message(*r, "unknown-tag-or-section").find("did you mean") == std::string::npos);
  }
  SECTION("required tags, as rpm checks them") {
    CHECK(message(*evaluate("Name: demo\nVersion: 1\nRelease: 1\nLicense: MIT\n%description\nd\n"),
                  "required-tag-missing") == "Summary field must be present in package: (main package)");
    CHECK(message(*evaluate("Name: demo\nVersion: 1\nRelease: 1\nSummary: s\n%description\nd\n"),
                  "required-tag-missing") == "License field must be present in package: (main package)");
    // A subpackage inherits License but not Summary.
    auto r = evaluate(kHead + "%package devel\nRequires: demo\n%description devel\nx\n");
    CHECK(where(*r, "required-tag-missing") == "8:1");
    CHECK(message(*r, "required-tag-missing") == "Summary field must be present in package: demo-devel");
    CHECK(message(*evaluate(kHead + "%package devel\nSummary: x\n"), "required-tag-missing") ==
          "package has no %description: demo-devel");
    CHECK(message(*evaluate(kHead + "%package devel\nSummary: x\n%description devel\ny\n"), "required-tag-missing")
              .empty());
  }
  SECTION("empty tag") {
    auto r = evaluate("Name: demo\nVersion:\n");
    CHECK(where(*r, "empty-tag") == "2:1");
  }
  SECTION("unbalanced %{") {
    auto r = evaluate(kHead + "%build\necho %{name\n");
    CHECK(where(*r, "unbalanced-macro-brace") == "9:1");
  }
}

TEST_CASE("bad spec input: runaway macros stay bounded", "[spec-bad-input]") {
  SECTION("self-recursive macro") {
    auto r = evaluate("%define loop %{loop}x\n" + kHead + "%build\necho %{loop}\n");
    CHECK(where(*r, "macro-recursion-limit") == "10:6");
  }
  SECTION("a macro that doubles itself 40 times") {
    std::string defs = "%define a0 x\n";
    for (int i = 1; i <= 40; ++i)
      defs += "%define a" + std::to_string(i) + " %{a" + std::to_string(i - 1) + "}%{a" + std::to_string(i - 1) + "}\n";
    auto r = evaluate(defs + kHead + "%build\necho %{a40}\n");
    CHECK(where(*r, "macro-expansion-too-large") == "50:6");
  }
}

TEST_CASE("bad spec input: %include of itself", "[spec-bad-input]") {
  const auto dir = std::filesystem::temp_directory_path() / "katalint-include-test";
  std::filesystem::create_directories(dir);
  const auto path = dir / "self.spec";
  const std::string text = kHead + "%include self.spec\n";
  std::ofstream(path) << text;
  auto r = evaluate(text, path.string());
  CHECK(where(*r, "include-recursion") != "");
  CHECK(r->package.parse_failed);
  std::filesystem::remove_all(dir);
}

TEST_CASE("bad spec input: a missing %include is reported and reading goes on", "[spec-bad-input]") {
  auto r = evaluate(kHead + "%include does-not-exist.inc\n%package extra\nSummary: x\n%description extra\ny\n");
  CHECK(where(*r, "missing-include") == "8:1");
  REQUIRE(r->package.packages.size() == 2);
  CHECK(r->package.packages[1].name == "demo-extra");
}

TEST_CASE("bad spec input: binary data", "[spec-bad-input]") {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  auto r = evaluate(junk);
  CHECK(r->package.parse_failed);
  CHECK_FALSE(r->sink.diagnostics().empty());
}
