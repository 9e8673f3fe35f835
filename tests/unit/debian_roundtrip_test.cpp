// Every Debian and OBS file of the corpus reprints byte for byte from its syntax tree,
// templates both unfilled and with every placeholder bound.
#include <filesystem>
#include <iostream>
#include <map>

#include "frontend/debian/changelog.hpp"
#include "frontend/debian/deb822.hpp"
#include "frontend/debian/lines.hpp"
#include "frontend/debian/rules.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/obs/service.hpp"
#include "frontend/placeholders.hpp"
#include "tests/support/catch.hpp"
#include "tests/unit/debian_agreement_support.hpp"

using namespace katalint;
using namespace katalint::frontend;
namespace fs = std::filesystem;

namespace {

// Parses `text` as `kind` and returns the reprint; empty optional when the kind is not ours.
std::optional<std::string> roundtrip(FileKind kind, bool tests_control, const ir::SourceFile& file,
                                     const std::string& text, const FilledTemplate* map,
                                     ir::DiagnosticSink& sink) {
  using namespace katalint::frontend::debian;
  if (tests_control)
    return reprint(parse_deb822(file, text, map, Deb822Flavor::TestsControl, sink));
  switch (kind) {
    case FileKind::DebianControl:
      return reprint(parse_deb822(file, text, map, Deb822Flavor::Control, sink));
    case FileKind::DebianCopyright:
      return reprint(parse_deb822(file, text, map, Deb822Flavor::Copyright, sink));
    case FileKind::Dsc: return reprint(parse_deb822(file, text, map, Deb822Flavor::Dsc, sink));
    case FileKind::DebianChangelog: return reprint(parse_debian_changelog(file, text, map, sink));
    case FileKind::DebianRules: return reprint(parse_debian_rules(file, text, map, sink));
    case FileKind::DebianSeries: return reprint(parse_series(file, text, map, sink));
    case FileKind::DebianInstall: return reprint(parse_install(file, text, map, sink));
    case FileKind::SourceFormat: return reprint(parse_source_format(file, text, map, sink));
    case FileKind::SuseChanges: return reprint(obs::parse_suse_changes(file, text, map, sink));
    case FileKind::ObsService: return reprint(obs::parse_obs_service(file, text, map, sink));
    default: return std::nullopt;
  }
}

}  // namespace

TEST_CASE("every Debian and OBS file of the corpus reprints byte for byte", "[debian][obs][roundtrip]") {
  const fs::path corpus = KATALINT_CORPUS_DIR;
  REQUIRE(fs::exists(corpus));
  std::map<std::string, std::size_t> per_kind;
  std::size_t files = 0, bound_ranges_checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(corpus)) {
    if (!e.is_regular_file()) continue;
    const std::string path = e.path().string();
    const FileKind kind = classify_path(path);
    const bool tests_control =
        e.path().filename() == "control" && e.path().parent_path().filename() == "tests";
    const std::string text = katalint::testing::read_file(e.path());
    ir::SourceFile file(0, path, text);
    ir::DiagnosticSink sink;
    const auto printed = roundtrip(kind, tests_control, file, text, nullptr, sink);
    if (!printed) continue;
    ++files;
    ++per_kind[tests_control ? "debian-tests-control" : std::string(to_string(kind))];
    CHECK(*printed == text);
    if (is_template_path(path)) {
      // Bind every placeholder; the reprint is the filled text and ranges stay in the file.
      PlaceholderValues values;
      const FilledTemplate unfilled = fill_placeholders(file, {});
      for (const auto& p : unfilled.placeholders()) values[p.key] = "v1.2-x";
      const FilledTemplate filled = fill_placeholders(file, values);
      ir::DiagnosticSink filled_sink;
      const auto again = roundtrip(kind, tests_control, file, filled.text(), &filled, filled_sink);
      CHECK(*again == filled.text());
      for (const auto& d : filled_sink.diagnostics()) {
        CHECK(d.range.end <= text.size());
        ++bound_ranges_checked;
      }
    }
  }
  std::cout << "round trip: " << files << " files:";
  for (const auto& [k, n] : per_kind) std::cout << " " << k << "=" << n;
  std::cout << "\n";
  CHECK(files >= 250);
}
