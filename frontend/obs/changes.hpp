// SUSE `.changes` files as `osc vc` writes them (docs: obs-devel-package.md 4.1):
//
//   -------------------------------------------------------------------   (67 dashes)
//   Thu Oct  3 12:05:09 UTC 2024 - Geeko Packager <email@example.com>
//
//   - bullet
//     * sub-bullet
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
class FilledTemplate;
}

namespace katalint::frontend::obs {

enum class ChangesLineKind : std::uint8_t { Separator, Header, Blank, Body, Invalid };

struct ChangesLine {
  ChangesLineKind kind;
  std::uint32_t begin;  // content, offsets into SuseChanges::text
  std::uint32_t end;
  std::uint32_t next;   // start of the following line
};

// Parts of one header line, as written; empty when the line did not parse.
struct ChangesDate {
  std::string weekday, month, day, time, zone, year;
};

struct SuseChanges {
  ir::FileId file = ir::kNoFile;
  std::string text;
  std::vector<ChangesLine> lines;  // tile `text`
  // Newest first. date = the date part as written, author = everything after " - ",
  // email = the address; lines = body lines with trailing blanks removed, leading and
  // trailing blank lines dropped.
  std::vector<ir::ChangelogEntry> entries;
  std::vector<ChangesDate> dates;  // parallel to `entries`

  [[nodiscard]] std::string_view slice(const ChangesLine& l) const {
    return std::string_view(text).substr(l.begin, l.end - l.begin);
  }
  // Maps offsets in `text` into the source file (identity unless a template was filled).
  [[nodiscard]] ir::Range range(std::uint32_t begin, std::uint32_t end) const;

  const FilledTemplate* map = nullptr;  // not owned; may be null
};

// A header date as seconds since 1970-01-01 UTC. `exact` is false when the zone is missing
// or not one whose offset is certain (CST, IST): the time is then read as UTC and may be up
// to 26 hours off. nullopt when the entry's date did not parse.
struct ChangesTime {
  long long seconds = 0;
  bool exact = true;
};
std::optional<ChangesTime> changes_time(const ChangesDate& date);

inline constexpr std::size_t kChangesSeparatorLength = 67;

SuseChanges parse_suse_changes(const ir::SourceFile& file, std::string_view text,
                               const FilledTemplate* map, ir::DiagnosticSink& sink);
SuseChanges parse_suse_changes(const ir::SourceFile& file, ir::DiagnosticSink& sink);

std::string reprint(const SuseChanges& changes);

// {"entries": [{"date": .., "author": name, "email": .., "lines": [..]}, ...]}; `author` is
// the name before <email> ("" for a bare address).
nlohmann::ordered_json changes_query_json(const SuseChanges& changes);

}  // namespace katalint::frontend::obs
