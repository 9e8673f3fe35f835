#include <filesystem>
#include <iostream>
#include <map>

#include <fmt/core.h>

#include "frontend/obs/changes.hpp"
#include "tests/support/catch.hpp"
#include "tests/support/lint_support.hpp"
#include "tests/unit/debian_agreement_support.hpp"

using namespace katalint;
using namespace katalint::frontend::obs;
namespace fs = std::filesystem;

namespace {

const std::string kSep(67, '-');

struct Parsed {
  ir::SourceFile file;
  ir::DiagnosticSink sink;
  SuseChanges changes;
  explicit Parsed(std::string text) : file(0, "x.changes", std::move(text)) {
    changes = parse_suse_changes(file, sink);
  }
  [[nodiscard]] std::size_t count(std::string_view rule) const {
    std::size_t n = 0;
    for (const auto& d : sink.diagnostics()) n += d.rule == rule ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("suse changes entries", "[obs][changes]") {
  Parsed p(kSep + "\nThu Oct  3 12:05:09 UTC 2024 - Geeko Packager <email@example.com>\n\n"
           "- Update to version 1.2.3:\n  * upstream change one\n\n- Add fix.patch\n\n" + kSep +
           "\nTue Jan 04 11:22:33 CEST 2022 - geeko@example.com\n\n- Release 2\n");
  CHECK(p.sink.diagnostics().empty());
  REQUIRE(p.changes.entries.size() == 2);
  const auto& e = p.changes.entries[0];
  CHECK(e.date == "Thu Oct  3 12:05:09 UTC 2024");
  CHECK(e.author == "Geeko Packager <email@example.com>");
  CHECK(e.email == "email@example.com");
  CHECK(e.lines == std::vector<std::string>{"- Update to version 1.2.3:", "  * upstream change one", "",
                                            "- Add fix.patch"});
  CHECK(p.changes.dates[1].zone == "CEST");
  CHECK(p.changes.dates[1].day == "04");
  const auto j = changes_query_json(p.changes);
  CHECK(j["entries"][0]["author"] == "Geeko Packager");
  CHECK(j["entries"][1]["author"] == "");
  CHECK(j["entries"][1]["email"] == "geeko@example.com");
  CHECK(reprint(p.changes) == p.file.text());
}

TEST_CASE("suse changes diagnostics", "[obs][changes]") {
  SECTION("separator length") {
    Parsed p(std::string(66, '-') + "\nThu Oct  3 12:05:09 UTC 2024 - a <a@b.c>\n\n- x\n");
    CHECK(p.count("changes-separator-length") == 1);
    CHECK(p.sink.diagnostics()[0].fix->edits[0].replacement == kSep);
  }
  SECTION("bad date line") {
    CHECK(Parsed(kSep + "\n2024-10-03 - a <a@b.c>\n\n- x\n").count("changes-bad-date-line") == 1);
    CHECK(Parsed(kSep + "\nThu Oct 3 12:05 UTC 2024 - a <a@b.c>\n").count("changes-bad-date-line") == 1);
    CHECK(Parsed(kSep + "\nThu Oct  3 12:05:09 UTC 2024 - Geeko\n").count("changes-bad-date-line") == 1);
    CHECK(Parsed(kSep + "\n\nThu Oct  3 12:05:09 UTC 2024 - a <a@b.c>\n").count("changes-bad-date-line") == 1);
  }
  SECTION("old zones and forms are accepted") {
    for (const char* h : {"Mon Feb  2 18:00:56 CET 2004  - fehr@suse.de",
                          "Thu Jan 19 12:00:00 PM CET 2023 - David Sterba <dsterba@suse.cz>",
                          "Sat Aug 26 20:20:49 2006 - jdsn@suse.de", "Wed May 2 07:19:02 MET 2012 - a@b.c",
                          "Fri Oct 3 01:05:01 GMT 2014 - Knut Anderssen<k@suse.com>"}) {
      Parsed p(kSep + "\n" + h + "\n\n- x\n");
      CHECK(p.sink.diagnostics().empty());
      CHECK(p.changes.entries.size() == 1);
    }
  }
  SECTION("text before the first entry") {
    CHECK(Parsed("hello\n" + kSep + "\nThu Oct  3 12:05:09 UTC 2024 - a <a@b.c>\n")
              .count("changes-missing-separator") == 1);
  }
}

TEST_CASE("suse changes corpus", "[obs][changes][corpus]") {
  const fs::path corpus = KATALINT_CORPUS_DIR;
  const auto files = katalint::testing::corpus_files(corpus, [](const fs::path& p) {
    return p.extension() == ".changes";
  });
  REQUIRE(files.size() >= 13);
  std::size_t entries = 0, diags = 0;
  for (const auto& path : files) {
    ir::SourceFile file(0, path.string(), katalint::testing::read_file(path));
    ir::DiagnosticSink sink;
    const SuseChanges c = parse_suse_changes(file, sink);
    CHECK(reprint(c) == file.text());
    std::size_t separators = 0;
    for (const auto& l : c.lines) separators += l.kind == ChangesLineKind::Separator ? 1 : 0;
    CHECK(separators == c.entries.size());
    entries += c.entries.size();
    for (const auto& d : sink.diagnostics()) {
      ++diags;
      std::cout << path.filename().string() << ":" << file.position(d.range.begin).line << ": "
                << d.rule << ": " << d.message << "\n";
    }
  }
  std::cout << "suse changes: " << entries << " entries in " << files.size() << " files, " << diags
            << " diagnostics\n";
  CHECK(entries >= 11000);
  CHECK(diags == 12);  // 10 separators of 64..69 dashes, 2 blank lines after a separator
}

TEST_CASE("suse changes header times", "[obs][changes]") {
  const auto time = [](const std::string& header) {
    Parsed p(kSep + "\n" + header + "\n\n- x\n");
    REQUIRE(p.changes.dates.size() == 1);
    return changes_time(p.changes.dates[0]);
  };
  const auto utc = time("Thu Oct  3 12:05:09 UTC 2024 - a <a@b.c>");
  REQUIRE(utc);
  CHECK(utc->seconds == 1727957109);  // date -u -d '2024-10-03 12:05:09' +%s
  CHECK(utc->exact);
  // Zero-padded day (tar_scm), a one-digit hour, zones with offsets.
  CHECK(time("Thu Oct 03 12:05:09 UTC 2024 - a <a@b.c>")->seconds == utc->seconds);
  CHECK(time("Thu Oct  3 14:05:09 CEST 2024 - a <a@b.c>")->seconds == utc->seconds);
  CHECK(time("Thu Oct  3 13:05:09 +0100 2024 - a <a@b.c>")->seconds == utc->seconds);
  CHECK(time("Thu Oct  3 8:05:09 EDT 2024 - a <a@b.c>")->seconds == utc->seconds);
  CHECK(time("Thu Oct  3 01:05:09 PM UTC 2024 - a <a@b.c>")->seconds == utc->seconds + 3600);
  CHECK(time("Thu Oct  3 12:05:09 AM CET 2024 - a <a@b.c>")->seconds == utc->seconds - 13 * 3600);
  // Leap years and the first of March.
  CHECK(time("Thu Feb 29 00:00:00 UTC 2024 - a <a@b.c>")->seconds + 86400 ==
        time("Fri Mar  1 00:00:00 UTC 2024 - a <a@b.c>")->seconds);
  // No zone, or one that names several offsets: read as UTC, not exact.
  const auto cst = time("Thu Oct  3 12:05:09 CST 2024 - a <a@b.c>");
  CHECK(cst->seconds == utc->seconds);
  CHECK_FALSE(cst->exact);
  CHECK_FALSE(time("Sat Aug 26 20:20:49 2006 - jdsn@suse.de")->exact);
  // A header that did not parse has no time.
  CHECK_FALSE(time("2024-10-03 - a <a@b.c>"));
}

namespace {

frontend::AnalyzeOptions entry_format_only() {
  frontend::AnalyzeOptions o;
  o.target = "opensuse-tumbleweed";
  o.rules.has_select = true;
  o.rules.select = {"suse-changes-entry-format"};
  return o;
}

std::string entry(const std::string& header, const std::string& body) { return kSep + "\n" + header + "\n\n" + body + "\n"; }

// The findings of the rule as "line:col: severity: message" lines.
std::vector<std::string> findings(const std::string& text) {
  const auto run = katalint::testing::lint_text("demo.changes", text, entry_format_only());
  std::vector<std::string> out;
  for (const auto& d : run.diagnostics) {
    if (d.rule != "suse-changes-entry-format") continue;
    const auto pos = run.sources.file(run.file).position(d.range.begin);
    out.push_back(fmt::format("{}:{}: {}: {}", pos.line, pos.column, ir::to_string(d.severity), d.message));
  }
  return out;
}

const std::string kHeader = "Thu Oct  3 12:05:09 UTC 2024 - Geeko Packager <geeko@example.com>";

}  // namespace

TEST_CASE("suse-changes-entry-format: entries newest first", "[obs][changes][rules]") {
  // Equal times and older entries are fine.
  CHECK(findings(entry(kHeader, "- a") + entry(kHeader, "- b") +
                 entry("Wed Oct  2 12:05:09 UTC 2024 - a@example.com", "- c"))
            .empty());
  // Out of order by one second: the lower (newer) entry is reported at its date.
  CHECK(findings(entry(kHeader, "- a") + entry("Thu Oct  3 12:05:10 UTC 2024 - a@example.com", "- b")) ==
        std::vector<std::string>{"6:1: warning: this entry is newer than the one above it (Thu Oct  3 12:05:09 UTC "
                                 "2024); entries go newest first"});
  // 13:05 CEST is 11:05 UTC: older, although its clock reads later.
  CHECK(findings(entry(kHeader, "- a") + entry("Thu Oct  3 13:05:09 CEST 2024 - a@example.com", "- b")).empty());
  // Only one report for one misplaced entry; entries whose date did not parse are skipped.
  CHECK(findings(entry(kHeader, "- a") + entry("Sat Oct  3 12:05:09 UTC 2025 - a@example.com", "- b") +
                 entry("Oct 2 2024 - a@example.com", "- c") + entry("Tue Oct  1 12:05:09 UTC 2024 - a@example.com", "- d"))
            .size() == 1);
  // A zone that names several offsets (CST) gets a day's slack, a missing one too.
  CHECK(findings(entry(kHeader, "- a") + entry("Thu Oct  3 20:05:09 CST 2024 - a@example.com", "- b")).empty());
  CHECK(findings(entry(kHeader, "- a") + entry("Sat Oct  5 12:05:09 2024 - a@example.com", "- b")).size() == 1);
}

TEST_CASE("suse-changes-entry-format: bullets", "[obs][changes][rules]") {
  SECTION("first level '-', second level '*'; '-' sub-bullets and deeper levels are free") {
    CHECK(findings(entry(kHeader, "- a:\n  * b\n    + c\n      - d\n  * e\n- f:\n  - g\n  continued\n"
                                  "\n- h\n\n  * i after a blank line"))
              .empty());
  }
  SECTION("wrong first-level and second-level bullets, with their fixes") {
    const std::string text = entry(kHeader, "* a:\n  + b\n    + c\n+ d\n\t+ e");
    CHECK(findings(text) == std::vector<std::string>{
                                "4:1: warning: first-level bullet '*'; .changes entries use '-'",
                                "5:3: warning: second-level bullet '+'; .changes entries use '*'",
                                "7:1: warning: first-level bullet '+'; .changes entries use '-'",
                                "8:2: warning: second-level bullet '+'; .changes entries use '*'",
                            });
    int passes = 0;
    const std::string fixed = katalint::testing::fix_text("demo.changes", text, entry_format_only(), false, &passes);
    CHECK(fixed == entry(kHeader, "- a:\n  * b\n    + c\n- d\n\t* e"));
    CHECK(findings(fixed).empty());
  }
  SECTION("the second level is the first indented bullet under a first-level one") {
    // A shallower bullet after a deeper one is the second level again.
    CHECK(findings(entry(kHeader, "- a\n    * b\n  + c")).size() == 1);
    // Indented bullets under plain text, or before any first-level line, are not judged.
    CHECK(findings(entry(kHeader, "  + a\nplain text\n  + b")).empty());
    // '+1' and '**' are words, not bullets.
    CHECK(findings(entry(kHeader, "+1 for this\n- a\n  +2 more\n**bold**")).empty());
  }
}

TEST_CASE("suse-changes-entry-format: address, line length, bare updates", "[obs][changes][rules]") {
  SECTION("address") {
    for (const char* ok : {"a@example.com", "Geeko <geeko@example.com>", "Geeko<g.k-1@mail.example.co.uk>"})
      CHECK(findings(entry(std::string("Thu Oct  3 12:05:09 UTC 2024 - ") + ok, "- a")).empty());
    CHECK(findings(entry("Thu Oct  3 12:05:09 UTC 2024 - Geeko <geeko@localhost>", "- a")) ==
          std::vector<std::string>{"2:39: warning: 'geeko@localhost' is not one user@host.domain address"});
    CHECK(findings(entry("Thu Oct  3 12:05:09 UTC 2024 - a@suse.de, b@suse.de", "- a")).size() == 1);
    CHECK(findings(entry("Thu Oct  3 12:05:09 UTC 2024 - @suse.de", "- a")).size() == 1);
    // No '@' at all is changes-bad-date-line's.
    CHECK(findings(entry("Thu Oct  3 12:05:09 UTC 2024 - Geeko", "- a")).empty());
  }
  SECTION("line length") {
    const std::string long_line = "- " + std::string(60, 'x') + " yyyyy";  // 68 characters
    CHECK(findings(entry(kHeader, long_line)) ==
          std::vector<std::string>{"4:68: info: line has 68 characters; .changes lines are at most 67"});
    CHECK(findings(entry(kHeader, long_line.substr(0, 67) + " \t\r")).empty());  // trailing blanks do not count
    std::string umlauts;
    for (int k = 0; k < 9; ++k) umlauts += "\xc3\xa4";
    CHECK(findings(entry(kHeader, "- " + std::string(55, 'x') + " " + umlauts)).empty());  // 67 characters, 76 bytes
    CHECK(findings(entry(kHeader, "- see https://example.org/" + std::string(60, 'x'))).empty());
    // A word that does not fit on a continuation line (65 columns after "- ") cannot be wrapped.
    CHECK(findings(entry(kHeader, "  * " + std::string(70, 'x') + " y")).empty());
    CHECK(findings(entry(kHeader, "- Drop " + std::string(66, 'x'))).empty());
    CHECK(findings(entry(kHeader, "- Drop " + std::string(65, 'x'))).size() == 1);
  }
  SECTION("bare 'Update to x.y'") {
    for (const char* bare : {"- Update to 1.2", "- update to version 1.2.3~rc1:", "- Update foo to v2.0.",
                             "- Update to Kata Containers version 1.5.0"})
      CHECK(findings(entry(kHeader, bare)) ==
            std::vector<std::string>{"4:1: info: 'Update to' without the upstream changes; say what changed and why"});
    CHECK(findings(entry(kHeader, "- Update to 1.2\n- Drop fix.patch, merged upstream")).size() == 1);
    CHECK(findings(entry(kHeader, "- Update to 1.2:\n  * fix the crash")).empty());
    CHECK(findings(entry(kHeader, "- Update to 1.2\n\n  (boo#1234) fixes the crash")).empty());
    for (const char* detailed : {"- Update to 1.2 to fix boo#1234", "- Update the patch to apply to 1.2",
                                 "- Update to latest", "- Updated translations"})
      CHECK(findings(entry(kHeader, detailed)).empty());
  }
}

TEST_CASE("suse-changes-entry-format on the corpus", "[obs][changes][rules][corpus]") {
  const auto files = katalint::testing::corpus_files(KATALINT_CORPUS_DIR, [](const fs::path& p) {
    return p.extension() == ".changes";
  });
  REQUIRE(files.size() >= 13);
  std::map<std::string, std::size_t> by_kind;
  for (const auto& path : files) {
    for (const auto& f : findings(katalint::testing::read_file(path))) {
      const auto message = f.substr(f.find(": ", f.find(": ") + 2) + 2);
      ++by_kind[message.find("bullet") != std::string::npos       ? "bullet"
                : message.find("address") != std::string::npos    ? "address"
                : message.find("characters") != std::string::npos ? "length"
                : message.find("newer") != std::string::npos      ? "order"
                                                                   : "update"];
    }
  }
  // The yast and kata histories: 13 '+' sub-bullets, 10 addresses (localhost, two at once,
  // "@suse.de"), 766 long lines; their entries are in order (checked apart with a script).
  CHECK(by_kind["bullet"] == 13);
  CHECK(by_kind["address"] == 10);
  CHECK(by_kind["length"] == 766);
  CHECK(by_kind["order"] == 0);
  CHECK(by_kind["update"] == 0);
}
