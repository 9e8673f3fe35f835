// Hostile input for every Debian and OBS reader: random bytes biased towards syntax
// characters, NUL bytes, huge lines, deep nesting. Nothing may crash, and the trees must
// still tile the input.
#include <random>
#include <string>

#include "frontend/debian/changelog.hpp"
#include "frontend/debian/control.hpp"
#include "frontend/debian/deb822.hpp"
#include "frontend/debian/lines.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/debian/rules.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/obs/service.hpp"
#include "tests/support/catch.hpp"

using namespace katalint;
using namespace katalint::frontend;

namespace {

void check_all(const std::string& text) {
  const ir::SourceFile file(0, "fuzz", text);
  ir::DiagnosticSink sink;
  for (auto flavor : {debian::Deb822Flavor::Control, debian::Deb822Flavor::Dsc}) {
    const auto doc = debian::parse_deb822(file, flavor, sink);
    REQUIRE(debian::reprint(doc) == text);
    const ir::Package pkg = debian::control_to_ir(doc, file, sink);
    (void)debian::read_dsc(doc);
    (void)debian::deb822_query_json(doc).dump();
    for (const auto& d : sink.diagnostics()) REQUIRE(d.range.end <= text.size());
  }
  REQUIRE(debian::reprint(debian::parse_debian_changelog(file, sink)) == text);
  REQUIRE(debian::reprint(debian::parse_debian_rules(file, sink)) == text);
  REQUIRE(debian::reprint(debian::parse_series(file, text, nullptr, sink)) == text);
  REQUIRE(debian::reprint(debian::parse_install(file, text, nullptr, sink)) == text);
  REQUIRE(debian::reprint(debian::parse_source_format(file, text, nullptr, sink)) == text);
  const auto changes = obs::parse_suse_changes(file, sink);
  REQUIRE(obs::reprint(changes) == text);
  (void)obs::changes_query_json(changes).dump();
  REQUIRE(obs::reprint(obs::parse_obs_service(file, sink)) == text);
  for (const auto& d : sink.diagnostics()) REQUIRE(d.range.end <= text.size());
}

}  // namespace

TEST_CASE("random input does not break the readers", "[debian][obs][robustness]") {
  std::mt19937 rng(20261126);
  const std::string alphabet =
      "Aa:- \t\n\n\n\r#.,|()[]<>!${}=@&;'\"/*\\0123456789Package:Depends:"
      "-----BEGIN PGP SIGNED MESSAGE----- -- <a@b.c>  Mon, 26 Dec 2022 16:30:00 +0100"
      "<services><service name=\"x\"><param name=\"y\">z</param></service></services>"
      "Thu Oct  3 12:05:09 UTC 2024 - a <a@b.c>\n-------------------------------------------------------------------\n"
      "x (1.0) unstable; urgency=low\n  * c\n";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const std::size_t n = rng() % 2000;
    for (std::size_t i = 0; i < n; ++i) {
      const unsigned pick = rng() % 20;
      if (pick == 0) {
        text.push_back(static_cast<char>(rng() % 256));  // any byte, NUL and invalid UTF-8 too
      } else {
        text.push_back(alphabet[rng() % alphabet.size()]);
      }
    }
    check_all(text);
  }
}

TEST_CASE("pathological input does not break the readers", "[debian][obs][robustness]") {
  check_all(std::string(1 << 20, 'x'));                     // one long line, no newline
  check_all("Depends: " + std::string(1 << 18, '(') + "\n");  // unbalanced everything
  check_all(std::string(1 << 16, '\n'));
  check_all(std::string(1 << 16, '\0'));
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  check_all(deep);
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "F" + std::to_string(i % 50) + ": v\n";
  check_all(many);  // one paragraph with many duplicate fields
  check_all(" -- " + std::string(20000, '<') + std::string(20000, '>') + "\n");
  check_all("Closes: " + std::string(100000, '#') + "\n");
  std::string ancient;  // lines that make dpkg's old-format regex backtrack
  std::string filler;
  for (int i = 0; i < 120; ++i) filler += "( ";
  for (int i = 0; i < 20000; ++i) ancient += "Mon Jan 1 2000 " + filler + "\n";
  check_all(ancient);
}
