// Helpers for the Debian policy checks: the paragraphs of debian/control, relation walking,
// value ranges, the Debian tables several checks share (essential packages, sections), and
// the readers of debian/copyright, debian/changelog and debian/rules more than one check uses.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <span>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/debian/changelog.hpp"
#include "frontend/debian/deb822.hpp"
#include "frontend/debian/lines.hpp"
#include "frontend/debian/rules.hpp"
#include "frontend/debian/text.hpp"
#include "frontend/package/compare.hpp"
#include "rules/rule.hpp"

namespace katalint::frontend {
struct PackageDirectory;
}

namespace katalint::rules::debian_support {

using frontend::debian::Deb822Document;
using frontend::debian::Deb822Field;
using frontend::debian::Deb822Paragraph;
using frontend::debian::iequals;
using frontend::debian::trim;
using frontend::has_placeholder;

// The source paragraph (the first one) of a debian/control or .dsc, or null.
const Deb822Paragraph* source_paragraph(const Context& ctx);
// The binary paragraphs of a debian/control: every later paragraph with a Package field.
std::vector<const Deb822Paragraph*> binary_paragraphs(const Context& ctx);
// Calls fn for the field `name` of every paragraph that has it, source paragraph included.
void for_each_field(const Context& ctx, std::string_view name, const std::function<void(const Deb822Field&)>& fn);

// A field's value with continuation lines joined by one space (Policy 5.1 folding).
std::string folded(const Context& ctx, const Deb822Field& field);
// Range of bytes [offset, offset + size) of `field.value` in the file.
ir::Range value_range(const Context& ctx, const Deb822Field& field, std::size_t offset, std::size_t size);
// The range of the first line of a field's value (the whole value when it has one line).
ir::Range first_line_range(const Context& ctx, const Deb822Field& field);

// True when a value still holds OBS @KEY@ placeholders or dpkg ${substvars}: it cannot be
// judged before it is filled.
bool unresolved(std::string_view value);

// Calls fn(dependency, field name) for every relation atom of the file's package (build
// relations of the source, relations of every binary), alternatives included.
void for_each_relation(const Context& ctx, const std::function<void(const ir::Dependency&, bool build)>& fn);

// Splits at any of `separators`, dropping empty parts.
std::vector<std::string_view> split(std::string_view s, std::string_view separators);

// Tables from lintian 2.116.3's data (rules/debian/tables.inc, scripts/gen-debian-tables.py).
// Packages that are Essential: yes in Debian 12.
bool is_essential(std::string_view name);
// lintian's fuzzy form of a synopsis or name: lower case, '-', '_', '/' and '\\' as blanks,
// blanks collapsed and trimmed.
std::string fuzzy_name(std::string_view s);
// libc6-dev, gcc, g++, make, dpkg-dev: pulled in by build-essential.
bool is_build_essential(std::string_view name);
// Sections of the Debian archive (Policy 2.4), without the area prefix.
bool is_archive_section(std::string_view section);
// Build profile names (nocheck, nodoc, stage1, ...).
bool is_build_profile(std::string_view name);
// A Debian architecture name or wildcard as dpkg knows it (amd64, linux-any, any-arm64, ...).
bool is_known_architecture(std::string_view arch);
// A released Debian Policy version ("4.6.2" or "4.6.2.0"), and the newest one.
bool is_policy_version(std::string_view version);
std::string_view latest_policy_version();
// What replaces an obsolete package ("" when nothing does), or nullopt if it is not obsolete.
std::optional<std::string_view> obsolete_replacement(std::string_view name);
// The package that provides a dh add-on (`dh --with golang`) or a dh_ command.
std::optional<std::string_view> dh_addon_package(std::string_view addon);
std::optional<std::string_view> dh_command_package(std::string_view command);
// (pattern, section) pairs, first match wins: lintian's name_section_mappings.
std::span<const std::pair<std::string_view, std::string_view>> name_section_patterns();

// Debhelper compatibility level from `debhelper-compat (= N)` in Build-Depends, or -1.
int debhelper_compat_level(const ir::Package& control);
// The same for the file's package; -1 when the file has none.
int debhelper_compat_level(const Context& ctx);

// The debhelper compat file next to a control file (debian/compat for debian/control,
// debian.compat for OBS's debian.control) when it exists on disk, else "". It is not a
// packaging file katalint lints, so a linted directory does not list it.
std::string debhelper_compat_file(std::string_view control_path);
// Its level: -1 without a file, 0 when it does not start with a number.
int debhelper_compat_file_level(std::string_view control_path);

// The address between the angle brackets of "Name <mail>" ("" if there are none).
std::string_view mail_of(std::string_view contact);

// Calls fn for every Build-Depends atom of the control file (alternatives not expanded).
void for_each_build_depends(const Context& ctx, const std::function<void(const ir::Dependency&)>& fn);
// Calls fn for every Depends and Pre-Depends atom of the binaries (alternatives not expanded).
void for_each_binary_depends(const Context& ctx, const std::function<void(const ir::Dependency&)>& fn);
// Names of the control file's Build-Depends, alternatives included.
std::set<std::string> build_depends_names(const ir::Package& control);
// "'NAME' is obsolete[; use REPLACEMENT]" for a relation on an obsolete package.
std::string obsolete_message(std::string_view name, std::string_view replacement);

// The debhelper compat file next to the package's primary control file, or "".
std::string compat_file(const frontend::PackageDirectory& pd);

// The packages any of which provides a dh_ command or add-on `name`: the manual list
// (lintian's Debhelper check overrides its tables for these) first, else the table entry;
// empty when katalint does not know it.
std::vector<std::string_view> dh_prerequisites(std::span<const std::pair<std::string_view, std::string_view>> manual,
                                               std::string_view name, std::optional<std::string_view> from_table);
// True when any of `packages` is in `deps`.
bool any_in(const std::vector<std::string_view>& packages, const std::set<std::string>& deps);
// Words of a debian/rules recipe line with their offsets; a word ends at blanks, ';', '&',
// '|', backquotes, backslashes and parentheses.
std::vector<std::pair<std::size_t, std::string_view>> recipe_words(std::string_view line);
// Reports every assignment to `variable` in debian/rules except a conditional `?=` one.
void report_assignments(const Context& ctx, Reporter& out, std::string_view variable, std::string_view message);

// The Description field of a binary paragraph and its synopsis (first line), or nulls.
struct Synopsis {
  const Deb822Field* field = nullptr;
  std::string_view text;  // trimmed
};
Synopsis synopsis_of(const Context& ctx, const Deb822Paragraph& p);
// Length in UTF-8 code points, as lintian counts characters.
std::size_t code_points(std::string_view s);

// One DEP-5 License field as lintian reads it: the lower-cased short names of its first line
// (split at " and " / " or "; parentheses and commas are blanks), and whether text follows.
struct License {
  const Deb822Field* field = nullptr;
  std::string identifier;          // lower-cased first line, trimmed
  std::vector<std::string> names;  // its parts
  bool has_text = false;
  bool files = false;  // the paragraph has a Files field
};
// Every non-empty License field of a debian/copyright, in order.
std::vector<License> licenses(const Context& ctx);

// A changelog trailer date, "Thu, 27 Nov 2025 10:00:00 +0000", taken apart.
struct ChangelogDate {
  std::string_view weekday;  // as written
  long long days = 0;        // since 1970-01-01 (the date as written, in its own zone)
  long long utc_seconds = 0;
};
std::optional<ChangelogDate> parse_changelog_date(std::string_view s);
// The date part of an entry's trailer line, for ranges (the whole trailer if not found).
ir::Range date_range(const Context& ctx, const ir::ChangelogEntry& e);
// The change lines of the newest entry, as lintian sees them: between its heading and trailer.
std::string_view latest_changes(const Context& ctx);

inline ir::Range range_at(const Context& ctx, std::size_t begin, std::size_t size) {
  return {ctx.file.id(), static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + size)};
}

}  // namespace katalint::rules::debian_support
