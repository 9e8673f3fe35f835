// suse-changes-entry-format: a NAME.changes entry out of date order, with bullets other than
// `-` and `  *`, an address that is not one, lines over 67 characters or a bare "Update to x.y".
// Separators and date lines are the frontend's (changes-separator-length, changes-bad-date-line).
#include <algorithm>
#include <optional>
#include <string_view>
#include <vector>

#include <fmt/core.h>

#include "frontend/debian/text.hpp"
#include "frontend/obs/changes.hpp"
#include "frontend/package/compare.hpp"
#include "rules/rule.hpp"

namespace katalint::rules {
namespace {

using frontend::obs::ChangesLineKind;
using frontend::obs::SuseChanges;

constexpr std::size_t kMaxColumns = frontend::obs::kChangesSeparatorLength;
// A zone katalint cannot place is read as UTC; entries are then only compared this far apart.
constexpr long long kZoneSlack = 26 * 3600;

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    while (i < s.size() && is_blank(s[i])) ++i;
    const std::size_t b = i;
    while (i < s.size() && !is_blank(s[i])) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// 1.2, 1.2.3~rc1, v2: starts with a digit (after an optional v) and has no other punctuation
// than a version's.
bool version_like(std::string_view w) {
  if (!w.empty() && (w.front() == 'v' || w.front() == 'V')) w.remove_prefix(1);
  if (w.empty() || !is_digit(w.front())) return false;
  for (char c : w)
    if (!(is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'z') || c == '.' || c == '~' || c == '+' || c == '_' ||
          c == '-'))
      return false;
  return true;
}

// The whole bullet text says only which version: "Update to 1.2", "update foo to version 1.2:",
// "Update to Kata Containers version 1.5.0". At most one word (the package) before "to" and
// three words without digits between "to" and the version.
bool bare_update(std::string_view text) {
  auto w = words(text);
  if (w.size() < 3 || w.size() > 7 || !iequals(w.front(), "update")) return false;
  const std::size_t to = iequals(w[1], "to") ? 1 : iequals(w[2], "to") ? 2 : 0;
  if (to == 0 || w.size() - to - 2 > 3) return false;
  for (std::size_t i = to + 1; i + 1 < w.size(); ++i)
    for (char c : w[i])
      if (is_digit(c)) return false;
  std::string_view version = w.back();
  if (version.back() == ':' || version.back() == '.') version.remove_suffix(1);
  return version_like(version);
}

bool domain_char(char c) { return is_digit(c) || (lower(c) >= 'a' && lower(c) <= 'z') || c == '-' || c == '.'; }

// user@host.domain: one '@', no blanks or brackets, a host of two or more labels.
bool looks_like_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  if (s.find_first_of(" \t<>()[],;:\"") != std::string_view::npos) return false;
  const std::string_view host = s.substr(at + 1);
  if (host.empty() || host.front() == '.' || host.back() == '.' || host.front() == '-' ||
      host.find('.') == std::string_view::npos || host.find("..") != std::string_view::npos)
    return false;
  for (char c : host)
    if (!domain_char(c)) return false;
  return true;
}

// Byte offset of code point number `n` (0-based) in `s`, or s.size().
std::size_t code_point_offset(std::string_view s, std::size_t n) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && n-- == 0) return i;
  return s.size();
}

class EntryChecker {
 public:
  EntryChecker(const SuseChanges& changes, Reporter& out) : c_(changes), out_(out) {}

  void header(const frontend::obs::ChangesLine& l, std::size_t entry) {
    end_entry();
    top_bullet_ = false;
    level2_ = 0;
    const auto& e = c_.entries[entry];
    if (e.author.empty()) return;  // changes-bad-date-line
    check_order(l, entry);
    if (e.author.find('@') == std::string::npos || frontend::has_placeholder(e.author) || looks_like_email(e.email))
      return;
    out_.report(email_range(l, e), fmt::format("'{}' is not one user@host.domain address", e.email));
  }

  void body(const frontend::obs::ChangesLine& l) {
    const std::string_view s = c_.slice(l);
    std::size_t i = 0, column = 0;
    for (; i < s.size() && is_blank(s[i]); ++i) column = s[i] == '\t' ? (column / 8 + 1) * 8 : column + 1;
    if (i == s.size()) return;
    const bool bullet = (s[i] == '-' || s[i] == '*' || s[i] == '+') && (i + 1 == s.size() || is_blank(s[i + 1]));
    // Text indented under the pending "Update to x.y" bullet gives the details.
    if (column > 0) pending_update_.reset();
    end_update();
    const auto at = l.begin + static_cast<std::uint32_t>(i);
    if (column == 0) {
      top_bullet_ = bullet;
      level2_ = 0;
      if (bullet && s[i] != '-') {
        out_.report(c_.range(at, at + 1), fmt::format("first-level bullet '{}'; .changes entries use '-'", s[i]))
            .fix("use '-'", ir::Applicability::Safe, {{c_.range(at, at + 1), "-"}});
      }
      if (bullet && bare_update(s.substr(i + 1))) pending_update_ = l;
    } else if (bullet && top_bullet_ && (level2_ == 0 || column <= level2_)) {
      level2_ = column;  // deeper bullets are a third level, whose style is free
      if (s[i] == '+') {
        out_.report(c_.range(at, at + 1), "second-level bullet '+'; .changes entries use '*'")
            .fix("use '*'", ir::Applicability::Safe, {{c_.range(at, at + 1), "*"}});
      }
    }
    check_length(l, i + (bullet ? 1 : 0));
  }

  void end_entry() { end_update(); }

 private:
  void check_order(const frontend::obs::ChangesLine& l, std::size_t entry) {
    const auto time = frontend::obs::changes_time(c_.dates[entry]);
    if (!time) return;
    const std::string& date = c_.entries[entry].date;
    if (previous_ && time->seconds > previous_->seconds + (time->exact && previous_->exact ? 0 : kZoneSlack)) {
      out_.report(c_.range(l.begin, l.begin + static_cast<std::uint32_t>(date.size())),
                  fmt::format("this entry is newer than the one above it ({}); entries go newest first",
                              c_.entries[previous_entry_].date));
    }
    previous_ = time;
    previous_entry_ = entry;
  }

  // The address in the header line, found the way the frontend split it (the author is the
  // trimmed rest of the line, the address the trimmed text inside its <...>); no search, so a
  // hostile header stays linear. The whole line if that does not give the address.
  ir::Range email_range(const frontend::obs::ChangesLine& l, const ir::ChangelogEntry& e) const {
    const std::string_view line = frontend::debian::trim_right(c_.slice(l));
    if (line.size() < e.author.size()) return c_.range(l.begin, l.end);
    std::string_view email = line.substr(line.size() - e.author.size());
    const auto lt = email.find('<');
    const auto gt = email.rfind('>');
    if (lt != std::string_view::npos && gt != std::string_view::npos && gt > lt)
      email = frontend::debian::trim(email.substr(lt + 1, gt - lt - 1));
    if (email != e.email) return c_.range(l.begin, l.end);
    const auto b = static_cast<std::uint32_t>(email.data() - c_.text.data());
    return c_.range(b, b + static_cast<std::uint32_t>(email.size()));
  }

  // A bullet line whose next non-blank line is not indented under it.
  void end_update() {
    if (!pending_update_) return;
    const auto& l = *pending_update_;
    out_.report(c_.range(l.begin, l.end), "'Update to' without the upstream changes; say what changed and why")
        .severity(ir::Severity::Info);
    pending_update_.reset();
  }

  // `text` is where the words start. Lines with a URL are left alone, and so are lines with a
  // word too long for a continuation line: wrapping cannot make those fit.
  void check_length(const frontend::obs::ChangesLine& l, std::size_t text) {
    const std::string_view s = frontend::debian::trim_right(c_.slice(l));  // also a CRLF file's '\r'
    const std::size_t length = ir::count_code_points(s);
    if (length <= kMaxColumns || s.find("://") != std::string_view::npos) return;
    while (text < s.size() && is_blank(s[text])) ++text;
    const std::size_t room = kMaxColumns - std::min<std::size_t>(kMaxColumns, ir::count_code_points(s.substr(0, text)));
    std::size_t word = 0;
    for (std::size_t i = text; i < s.size(); ++i) {
      if (is_blank(s[i])) {
        word = 0;
      } else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++word > room) {
        return;
      }
    }
    const auto limit = static_cast<std::uint32_t>(code_point_offset(s, kMaxColumns));
    out_.report(c_.range(l.begin + limit, l.begin + static_cast<std::uint32_t>(s.size())),
                fmt::format("line has {} characters; .changes lines are at most {}", length, kMaxColumns))
        .severity(ir::Severity::Info);
  }

  const SuseChanges& c_;
  Reporter& out_;
  std::optional<frontend::obs::ChangesTime> previous_;
  std::size_t previous_entry_ = 0;
  bool top_bullet_ = false;  // the last unindented line of the entry is a bullet
  std::size_t level2_ = 0;   // column of the second-level bullets under it; 0 before the first
  std::optional<frontend::obs::ChangesLine> pending_update_;
};

void check(const Context& ctx, Reporter& out) {
  if (ctx.suse_changes == nullptr) return;
  const SuseChanges& changes = *ctx.suse_changes;
  EntryChecker checker(changes, out);
  std::size_t entry = 0;
  for (const auto& l : changes.lines) {
    switch (l.kind) {
      case ChangesLineKind::Header: checker.header(l, entry++); break;
      case ChangesLineKind::Body: checker.body(l); break;
      case ChangesLineKind::Separator: checker.end_entry(); break;
      default: break;
    }
  }
  checker.end_entry();
}

}  // namespace

extern const RuleInfo suse_changes_entry_format;  // listed in rules/rules.def
constinit const RuleInfo suse_changes_entry_format{
    .id = "suse-changes-entry-format",
    .severity = ir::Severity::Warning,
    .summary = "a .changes entry out of date order, with the wrong bullets, address or line length",
    .kinds = kind_bit(frontend::FileKind::SuseChanges),
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Checks the entries of a SUSE `NAME.changes` file against the format `osc vc` writes:

- entries go newest first: an entry dated after the one above it is reported (dates in a zone whose offset is not certain, such as `CST`, or without a zone are compared with a day's slack);
- first-level bullets are `-` (not `*` or `+` at the start of the line) and second-level bullets `*` (not `+`); a `-` sub-bullet and deeper levels are left alone;
- the address at the end of the header (`- Name <user@host>`) must be one `user@host.domain`;
- lines are at most 67 characters, the separator's width (info; lines with a URL, or with a word too long for any line, are left alone: wrapping cannot help them);
- a first-level bullet that only says "Update to x.y" (or "Update foo to version x.y:") with nothing indented under it (info).

The separator (`changes-separator-length`), the date line (`changes-bad-date-line`) and text before the first entry (`changes-missing-separator`) are checked while the file is read.)md",
            .why = R"md(OBS merges `NAME.changes` into `%changelog` at build time; `changelog2spec` warns "changes file not incremental" when the entries are out of order, and openSUSE's source_validator makes that fatal. Reviewers ask for the bullet style, the width and a summary of what an update brings: "Update to x.y" alone does not say what changed.)md",
            .example = R"md(-------------------------------------------------------------------
Wed Jan  3 09:00:00 UTC 2024 - Jane Doe <jane@example.org>

* Update to version 1.1:
  + fix the crash at start-up without a configuration file
+ Refresh fix-build.patch

-------------------------------------------------------------------
Tue Jan  2 12:00:00 UTC 2024 - Jane Doe <jane@example.org>

- Update to version 1.0:
  * first release
)md",
            .use_instead = R"md(-------------------------------------------------------------------
Wed Jan  3 09:00:00 UTC 2024 - Jane Doe <jane@example.org>

- Update to version 1.1:
  * fix the crash at start-up without a configuration file
- Refresh fix-build.patch

-------------------------------------------------------------------
Tue Jan  2 12:00:00 UTC 2024 - Jane Doe <jane@example.org>

- Update to version 1.0:
  * first release
)md",
            .fix_safety = R"md(The bullet fixes are safe: they replace one character and keep the indentation. Entry order, addresses, line length and missing details have no fix: re-wrapping or reordering would rewrite old entries, which reviewers reject, and only the author knows what changed.)md",
            .reference = R"md(openSUSE *Creating a changes file (RPM)*; `osc vc` and `changelog2spec` (obs-build); obs-service-source_validator `40-sequence-changes`.)md",
            .example_file = "example.changes"},
    .check = check,
};

}  // namespace katalint::rules
