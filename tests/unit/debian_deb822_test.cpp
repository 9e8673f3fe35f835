#include <string>

#include "frontend/debian/deb822.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/placeholders.hpp"
#include "tests/support/catch.hpp"

using namespace katalint;
using namespace katalint::frontend::debian;

namespace {

struct Parsed {
  ir::SourceFile file;
  ir::DiagnosticSink sink;
  Deb822Document doc;
  Parsed(std::string text, Deb822Flavor flavor = Deb822Flavor::Control)
      : file(0, "debian/control", std::move(text)) {
    doc = parse_deb822(file, flavor, sink);
  }
  [[nodiscard]] bool has(std::string_view rule) const {
    for (const auto& d : sink.diagnostics())
      if (d.rule == rule) return true;
    return false;
  }
  [[nodiscard]] std::string text_of(ir::Range r) const {
    return std::string(file.text().substr(r.begin, r.end - r.begin));
  }
};

}  // namespace

TEST_CASE("deb822 paragraphs and fields", "[debian][deb822]") {
  Parsed p("Source: hello\nBuild-Depends: a,\n b (>= 1),\n# comment\n c\n\nPackage: hello\n"
           "Description: greeting\n Long text.\n .\n More.\n");
  REQUIRE(p.doc.paragraphs.size() == 2);
  const auto& src = p.doc.paragraphs[0];
  REQUIRE(src.fields.size() == 2);
  CHECK(src.fields[0].name == "Source");
  CHECK(src.fields[0].value == "hello");
  CHECK(p.text_of(src.fields[0].name_range) == "Source");
  CHECK(p.text_of(src.fields[0].value_range) == "hello");
  const auto* bd = src.find("build-depends");
  REQUIRE(bd != nullptr);
  CHECK(bd->value == "a,\n b (>= 1),\n c");
  CHECK(bd->piece_count == 3);
  CHECK(folded_value(p.doc, *bd) == "a, b (>= 1), c");
  const auto* desc = p.doc.paragraphs[1].find("Description");
  REQUIRE(desc != nullptr);
  CHECK(multiline_value(p.doc, *desc) == std::vector<std::string>{"greeting", "Long text.", "", "More."});
  CHECK(p.sink.diagnostics().empty());
  CHECK(reprint(p.doc) == p.file.text());
}

TEST_CASE("deb822 reprints byte for byte", "[debian][deb822]") {
  for (const char* text : {"", "\n", "A: b", "A:b  \r\n c \n\n\n  \nB :  x\n", "junk\n: x\n -x\n",
                           "#c\n\tA: b\n", "A: \xff\xfe\n\0\n", "A: b\n \rx\n"}) {
    Parsed p(text);
    CHECK(reprint(p.doc) == p.file.text());
    std::uint32_t at = 0;
    for (const auto& t : p.doc.tokens) {
      CHECK(t.begin == at);
      CHECK(t.end > t.begin);
      at = t.end;
    }
    CHECK(at == p.file.text().size());
  }
}

TEST_CASE("deb822 diagnostics", "[debian][deb822]") {
  SECTION("missing colon") { CHECK(Parsed("Source: a\nfoo bar\n").has("deb822-missing-colon")); }
  SECTION("continuation before any field") {
    Parsed p(" a\nSource: x\n");
    CHECK(p.has("deb822-continuation-before-field"));
    CHECK(p.doc.paragraphs.size() == 1);
  }
  SECTION("duplicate field") {
    Parsed p("Source: a\nsource: b\n");
    CHECK(p.has("deb822-duplicate-field"));
    CHECK(p.doc.paragraphs[0].find("Source")->value == "b");
  }
  SECTION("empty field") {
    CHECK(Parsed("Source: a\nHomepage:\n").has("debian-control-has-empty-field"));
    CHECK(Parsed("Source: a\nHomepage:\n", Deb822Flavor::Dsc).has("deb822-empty-field"));
    CHECK_FALSE(Parsed("Files:\n abc\n", Deb822Flavor::Dsc).has("deb822-empty-field"));
  }
  SECTION("nul byte") {
    Parsed p(std::string("Source: a\0b\n", 12));
    CHECK(p.has("file-contains-nul-byte"));
    CHECK(reprint(p.doc) == p.file.text());
  }
  SECTION("comments outside debian/control") {
    CHECK(Parsed("#x\nA: b\n", Deb822Flavor::Dsc).has("deb822-comment-not-allowed"));
    CHECK_FALSE(Parsed("#x\nA: b\n").has("deb822-comment-not-allowed"));
  }
  SECTION("hyphen") { CHECK(Parsed("-A: b\n").has("deb822-invalid-field-name")); }
  SECTION("whitespace separator") {
    Parsed p("A: b\n  \nC: d\n");
    CHECK(p.has("deb822-whitespace-separator"));
    CHECK(p.doc.paragraphs.size() == 2);
  }
  SECTION("crlf") { CHECK(Parsed("A: b\r\n").has("carriage-return-line-feed")); }
}

TEST_CASE("deb822 signed dsc", "[debian][deb822]") {
  const std::string text =
      "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nFormat: 3.0 (quilt)\nSource: x\n"
      "Files:\n abc 1 x.tar.gz\n\n-----BEGIN PGP SIGNATURE-----\n\niQ==\n=X0H/\n"
      "-----END PGP SIGNATURE-----\n";
  Parsed p(text, Deb822Flavor::Dsc);
  CHECK(p.doc.is_signed);
  REQUIRE(p.doc.paragraphs.size() == 1);
  CHECK(p.doc.paragraphs[0].fields.size() == 3);
  CHECK(p.sink.diagnostics().empty());
  CHECK(reprint(p.doc) == text);
  const auto j = deb822_query_json(p.doc);
  CHECK(j["paragraphs"].size() == 1);
  CHECK(j["paragraphs"][0]["Files"] == "\n abc 1 x.tar.gz");
}

TEST_CASE("deb822 template ranges point into the template", "[debian][deb822]") {
  ir::SourceFile file(0, "debian.control-template", "Source: @NAME@\nVersion: @VERSION@-1\n");
  frontend::PlaceholderValues values{{"NAME", "kata-runtime"}, {"VERSION", "1.2.3"}};
  auto filled = frontend::fill_placeholders(file, values);
  ir::DiagnosticSink sink;
  auto doc = parse_deb822(file, filled.text(), &filled, Deb822Flavor::Control, sink);
  REQUIRE(doc.paragraphs.size() == 1);
  const auto& f = doc.paragraphs[0].fields[1];
  CHECK(f.value == "1.2.3-1");
  CHECK(file.text().substr(f.value_range.begin, f.value_range.end - f.value_range.begin) ==
        "@VERSION@-1");
  CHECK(reprint(doc) == filled.text());
}

TEST_CASE("python3-debian view quirks", "[debian][deb822][query]") {
  // A whitespace-only line separates; `#` lines vanish; stray lines are ignored.
  auto j = deb822_python_view("A: 1\n  \n#c\nB: 2\njunk\n c\n\n\n");
  REQUIRE(j["paragraphs"].size() == 2);
  CHECK(j["paragraphs"][1]["B"] == "2\n c");
  // First spelling, last value.
  j = deb822_python_view("Foo: 1\nfoo: 2\n");
  CHECK(j["paragraphs"][0]["Foo"] == "2");
  // A paragraph without fields ends the iteration.
  j = deb822_python_view("A: 1\n\n x\n\nB: 2\n");
  CHECK(j["paragraphs"].size() == 1);
}

TEST_CASE("DEP-5 detection", "[debian][deb822]") {
  CHECK(looks_like_dep5("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"));
  CHECK(looks_like_dep5("\n# x\nformat: x\n"));
  CHECK_FALSE(looks_like_dep5("This package was debianized by ...\n"));
  CHECK_FALSE(looks_like_dep5(""));
}

TEST_CASE("query_json covers every Debian and OBS kind", "[debian][obs][query]") {
  using frontend::FileKind;
  auto run = [](FileKind kind, const std::string& text) {
    ir::SourceFile file(0, "x", text);
    ir::DiagnosticSink sink;
    return query_json(kind, file, text, nullptr, sink);
  };
  CHECK(run(FileKind::DebianControl, "Source: a\n")->dump() == R"({"paragraphs":[{"Source":"a"}]})");
  CHECK(run(FileKind::Dsc, "Format: 1.0\n")->at("paragraphs").size() == 1);
  CHECK_FALSE(run(FileKind::DebianCopyright, "free text\n").has_value());
  CHECK(run(FileKind::DebianCopyright, "Format: x\n\nFiles: *\n")->at("paragraphs").size() == 2);
  const auto cl = run(FileKind::DebianChangelog,
                      "a (1.0) unstable; urgency=low\n\n  * x Closes: #5\n\n"
                      " -- A <a@b.c>  Mon, 26 Dec 2022 16:30:00 +0100\n");
  CHECK(cl->at("entries")[0]["closes"][0] == "5");
  CHECK(cl->at("entries")[0]["maintainer"] == "A <a@b.c>");
  CHECK(run(FileKind::SuseChanges, std::string(67, '-') + "\nThu Oct  3 12:05:09 UTC 2024 - a <a@b.c>\n\n- x\n")
            ->at("entries")[0]["lines"][0] == "- x");
  CHECK(run(FileKind::ObsService, "<services><service name=\"a\"><param name=\"p\">v</param></service></services>")
            ->dump() == R"({"services":[{"name":"a","mode":"","params":[{"name":"p","value":"v"}]}]})");
  const auto rules = run(FileKind::DebianRules, "X := 1\n%:\n\tdh $@\n");
  CHECK(rules->at("targets")[0] == "%");
  CHECK(rules->at("assignments")[0]["op"] == ":=");
  CHECK(run(FileKind::DebianSeries, "a.patch -p1\n")->at("patches")[0]["options"][0] == "-p1");
  CHECK(run(FileKind::DebianInstall, "a b\n")->at("entries")[0].size() == 2);
  CHECK(run(FileKind::SourceFormat, "3.0 (quilt)\n")->at("format") == "3.0 (quilt)");
  CHECK_FALSE(run(FileKind::Spec, "Name: x\n").has_value());
}
