// debian/changelog (Policy 4.4, deb-changelog(5)) read the way dpkg-parsechangelog reads it
// (Dpkg::Changelog::Debian), with every line classified and kept.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {
class FilledTemplate;
}

namespace katalint::frontend::debian {

enum class ChangelogLineKind : std::uint8_t {
  Heading,  // `pkg (version) dists; urgency=...`
  Change,   // change text (two or more leading blanks)
  Blank,
  Trailer,  // ` -- Name <email>  date` (also a malformed ` --` line)
  Comment,  // lines dpkg skips: `# ...`, `/* ... */`, RCS keywords
  Tail,     // unparsed tail: old formats, Emacs/Vim variables, and everything after them
  Invalid,  // anything else
};

struct ChangelogLine {
  ChangelogLineKind kind;
  std::uint32_t begin;  // content, offsets into DebianChangelog::text
  std::uint32_t end;
  std::uint32_t next;   // start of the following line
};

struct DebianChangelog {
  ir::FileId file = ir::kNoFile;
  std::string text;
  std::vector<ChangelogLine> lines;  // tile `text`
  // Newest first. `lines` holds the change lines as dpkg keeps them: from the first to the
  // last change line of the entry, trailing blanks removed, blank lines as "".
  std::vector<ir::ChangelogEntry> entries;
};

DebianChangelog parse_debian_changelog(const ir::SourceFile& file, std::string_view text,
                                       const FilledTemplate* map, ir::DiagnosticSink& sink);
DebianChangelog parse_debian_changelog(const ir::SourceFile& file, ir::DiagnosticSink& sink);

std::string reprint(const DebianChangelog& changelog);

// Bug numbers closed by `Closes: #123, #456` (dpkg's find_closes), ascending, unique.
std::vector<std::string> find_closes(std::string_view changes);
// Launchpad bugs named by `LP: #123, #456` (dpkg's Ubuntu vendor hook), ascending, unique.
std::vector<std::string> find_launchpad_bugs(std::string_view changes);

}  // namespace katalint::frontend::debian
