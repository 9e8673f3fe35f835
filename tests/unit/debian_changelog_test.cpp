#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "frontend/debian/changelog.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/debian_agreement_support.hpp"

using namespace katalint;
using namespace katalint::frontend::debian;
namespace fs = std::filesystem;

namespace {

struct Parsed {
  ir::SourceFile file;
  ir::DiagnosticSink sink;
  DebianChangelog cl;
  explicit Parsed(std::string text) : file(0, "debian/changelog", std::move(text)) {
    cl = parse_debian_changelog(file, sink);
  }
  [[nodiscard]] std::size_t count(std::string_view rule) const {
    std::size_t n = 0;
    for (const auto& d : sink.diagnostics()) n += d.rule == rule ? 1 : 0;
    return n;
  }
};

}  // namespace

TEST_CASE("debian changelog entries", "[debian][changelog]") {
  Parsed p(
      "hello (2.10-3) unstable experimental; urgency=Medium, binary-only=yes\n\n"
      "  * Add tests. Closes: #871622, bug#12\n    continued (LP: #55, #7)\n\n  * More.\n\n"
      " -- Santiago Vila <sanvila@debian.org>  Mon, 26 Dec 2022 16:30:00 +0100\n\n"
      "hello (2.10-2) unstable; urgency=low\n\n  * Old.\n\n"
      " -- A B <a@b.c>  Mon, 13 May 2019 20:06:50 +0200\n");
  CHECK(p.sink.diagnostics().empty());
  REQUIRE(p.cl.entries.size() == 2);
  const auto& e = p.cl.entries[0];
  CHECK(e.package == "hello");
  CHECK(e.version == "2.10-3");
  CHECK(e.distribution == "unstable experimental");
  CHECK(e.urgency == "medium");
  CHECK(e.author == "Santiago Vila <sanvila@debian.org>");
  CHECK(e.email == "sanvila@debian.org");
  CHECK(e.date == "Mon, 26 Dec 2022 16:30:00 +0100");
  CHECK(e.closes == std::vector<std::string>{"12", "871622"});
  CHECK(e.launchpad_bugs == std::vector<std::string>{"7", "55"});
  CHECK(e.lines == std::vector<std::string>{"  * Add tests. Closes: #871622, bug#12",
                                            "    continued (LP: #55, #7)", "", "  * More."});
  CHECK(e.options.size() == 2);
  CHECK(p.file.text().substr(e.trailer_range.begin, 4) == " -- ");
  CHECK(reprint(p.cl) == p.file.text());
}

TEST_CASE("debian changelog trailer problems", "[debian][changelog]") {
  const std::string head = "x (1.0) unstable; urgency=low\n\n  * x\n\n";
  SECTION("one space before the date") {
    Parsed p(head + " -- A <a@b.c> Mon, 26 Dec 2022 16:30:00 +0100\n");
    CHECK(p.count("debian-changelog-trailer-spacing") == 1);
    REQUIRE(p.sink.diagnostics().at(0).fix.has_value());
    CHECK(p.cl.entries.at(0).date == "Mon, 26 Dec 2022 16:30:00 +0100");
  }
  SECTION("broken trailer") {
    Parsed p(head + " -- A <a@b.c>  26/12/2022\n");
    CHECK(p.count("debian-changelog-malformed-trailer") == 1);
    CHECK(p.count("syntax-error-in-debian-changelog") == 1);  // end of file, no trailer
  }
  SECTION("bad month and week day") {
    Parsed p(head + " -- A <a@b.c>  Foo, 26 December 2022 16:30:00 +0100\n");
    CHECK(p.count("invalid-date-in-debian-changelog") == 2);
  }
  SECTION("bad heading and version") {
    Parsed p("x (a1.0) unstable; urgency=low\n\n  * x\n\n -- A <a@b.c>  Mon, 26 Dec 2022 16:30:00 +0100\n"
             "Not a heading\n");
    CHECK(p.count("malformed-debian-changelog-version") == 1);
    CHECK(p.count("syntax-error-in-debian-changelog") == 1);
  }
  SECTION("garbage is survived") {
    const std::vector<std::string> texts = {"", "\n", " -- \n", "x (1) a;\n", std::string(5000, '<'),
                                            "  * orphan change\n", "x (1) a; urgency\n\n\n"};
    for (const std::string& text : texts) {
      Parsed p(text);
      CHECK(reprint(p.cl) == p.file.text());
    }
  }
}

TEST_CASE("find_closes follows dpkg", "[debian][changelog]") {
  CHECK(find_closes("Closes: #1, #2,bug#3 closes:4 closes: bug 5") ==
        std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(find_closes("Closes #1").empty());
  CHECK(find_closes(std::string(100000, 'b') + "closes:").empty());
}

namespace {

// dpkg-parsechangelog --format rfc822 output: one map per entry; Changes lines unfolded.
std::vector<std::map<std::string, std::string>> read_dpkg_entries(const std::string& out) {
  std::vector<std::map<std::string, std::string>> entries;
  std::map<std::string, std::string> cur;
  std::string key;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!cur.empty()) entries.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (line[0] == ' ') {
      std::string v = line.substr(1);
      if (v == ".") v.clear();
      cur[key] += "\n" + v;
      continue;
    }
    const auto colon = line.find(':');
    key = line.substr(0, colon);
    cur[key] = colon + 2 <= line.size() ? line.substr(colon + 2) : "";
  }
  if (!cur.empty()) entries.push_back(std::move(cur));
  return entries;
}

}  // namespace

TEST_CASE("debian changelog agrees with dpkg-parsechangelog", "[debian][changelog][agreement]") {
  int status = 0;
  katalint::testing::run_command("command -v dpkg-parsechangelog >/dev/null 2>&1", status);
  if (status != 0) {
    if (katalint::testing::require_tools()) FAIL("dpkg-parsechangelog is not installed");
    WARN("skipped: dpkg-parsechangelog is not installed");
    return;
  }
  const fs::path corpus = KATALINT_CORPUS_DIR;
  auto files = katalint::testing::corpus_files(corpus / "real-debian", [](const fs::path& p) {
    return p.filename() == "changelog";
  });
  auto obs = katalint::testing::corpus_files(corpus / "kata-home", [](const fs::path& p) {
    return p.filename() == "debian.changelog";
  });
  files.insert(files.end(), obs.begin(), obs.end());
  REQUIRE(files.size() >= 18);
  std::size_t total = 0, same = 0;
  for (const auto& path : files) {
    const std::string out = katalint::testing::run_command(
        "dpkg-parsechangelog --all --format rfc822 -l " +
            katalint::testing::shell_quote(path.string()) + " 2>/dev/null",
        status);
    const auto expected = read_dpkg_entries(out);
    ir::SourceFile file(0, path.string(), katalint::testing::read_file(path));
    ir::DiagnosticSink sink;
    const DebianChangelog cl = parse_debian_changelog(file, sink);
    CHECK(reprint(cl) == file.text());
    if (status != 0) {  // dpkg gives up on files without any entry
      CHECK(cl.entries.empty());
      continue;
    }
    CHECK(cl.entries.size() == expected.size());
    for (std::size_t i = 0; i < std::min(expected.size(), cl.entries.size()); ++i) {
      const auto& e = cl.entries[i];
      auto want = expected[i];
      std::string closes;
      for (const auto& c : e.closes) closes += (closes.empty() ? "" : " ") + c;
      const std::string heading(
          file.text().substr(e.header_range.begin, e.header_range.end - e.header_range.begin));
      std::string changes = "\n" + std::string(heading.substr(0, heading.find_last_not_of(" \t\r") + 1)) + "\n";
      for (const auto& l : e.lines) changes += "\n" + l;
      std::map<std::string, std::string> got{
          {"Source", e.package}, {"Version", e.version},    {"Distribution", e.distribution},
          {"Urgency", e.urgency}, {"Maintainer", e.author}, {"Date", e.date},
          {"Closes", closes},     {"Changes", changes}};
      want.erase("Timestamp");
      for (auto it = got.begin(); it != got.end();) {
        // dpkg leaves out empty fields.
        if (it->second.empty() && want.count(it->first) == 0) {
          it = got.erase(it);
        } else {
          ++it;
        }
      }
      ++total;
      const bool ok = got == want;
      if (!ok) {
        for (const auto& [k, v] : want)
          if (got[k] != v) UNSCOPED_INFO(path.string() << " entry " << i << " " << k << ": dpkg '" << v << "' katalint '" << got[k] << "'");
      }
      same += ok ? 1 : 0;
    }
  }
  std::cout << "changelog agreement: " << same << "/" << total << " entries of " << files.size()
            << " files\n";
  CHECK(same == total);
}
