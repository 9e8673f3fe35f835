#include <filesystem>
#include <iostream>

#include "frontend/obs/changes.hpp"
#include "tests/support/catch.hpp"
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
