// latest-debian-changelog-entry-without-new-date: a newest changelog entry that is not newer than the one before.
#include <optional>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// A trailer date, "Thu, 27 Nov 2025 10:00:00 +0000", taken apart.
struct Date {
  std::string_view weekday;  // as written
  long long days = 0;        // since 1970-01-01 (the date as written, in its own zone)
  long long utc_seconds = 0;
};

long long days_from_civil(long long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long long>(doe) - 719468;
}

std::optional<Date> parse_date(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Date out;
  const auto comma = s.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  out.weekday = trim(s.substr(0, comma));
  const auto words = split(s.substr(comma + 1), " \t");
  if (words.size() < 5) return std::nullopt;
  auto number = [](std::string_view w, long long& v) {
    if (w.empty() || w.size() > 9 || w.find_first_not_of("0123456789") != std::string_view::npos) return false;
    v = 0;
    for (char c : w) v = v * 10 + (c - '0');
    return true;
  };
  long long day = 0, year = 0;
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i)
    if (words[1] == kMonths[i]) month = i + 1;
  if (!number(words[0], day) || month == 0 || !number(words[2], year)) return std::nullopt;
  const auto hms = split(words[3], ":");
  long long h = 0, m = 0, sec = 0;
  if (hms.size() != 3 || !number(hms[0], h) || !number(hms[1], m) || !number(hms[2], sec)) return std::nullopt;
  const std::string_view zone = words[4];
  long long zh = 0, zm = 0;
  if (zone.size() != 5 || (zone[0] != '+' && zone[0] != '-') || !number(zone.substr(1, 2), zh) ||
      !number(zone.substr(3, 2), zm))
    return std::nullopt;
  out.days = days_from_civil(year, month, static_cast<unsigned>(day));
  const long long offset = (zh * 3600 + zm * 60) * (zone[0] == '-' ? -1 : 1);
  out.utc_seconds = out.days * 86400 + h * 3600 + m * 60 + sec - offset;
  return out;
}

// The date part of an entry's trailer line, for ranges.
ir::Range date_range(const Context& ctx, const ir::ChangelogEntry& e) {
  const ir::Range t = e.trailer_range;
  if (!t.valid() || e.date.empty()) return t;
  const std::string_view line = ctx.file.text().substr(t.begin, t.end - t.begin);
  const auto at = line.rfind(e.date);
  if (at == std::string_view::npos) return t;
  return {t.file, t.begin + static_cast<std::uint32_t>(at), t.begin + static_cast<std::uint32_t>(at + e.date.size())};
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.changelog == nullptr || ctx.changelog->entries.size() < 2) return;
  const auto& latest = ctx.changelog->entries[0];
  const auto& previous = ctx.changelog->entries[1];
  std::string dist = latest.distribution;
  for (char& c : dist) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (dist == "unreleased") return;
  const auto a = parse_date(latest.date), b = parse_date(previous.date);
  if (!a || !b || a->utc_seconds > b->utc_seconds) return;
  out.report(date_range(ctx, latest), "the newest entry is not dated after the previous one")
      .note(date_range(ctx, previous), "the previous entry's date");
}

}  // namespace

extern const RuleInfo latest_debian_changelog_entry_without_new_date;  // listed in rules/rules.def
constinit const RuleInfo latest_debian_changelog_entry_without_new_date{
    .id = "latest-debian-changelog-entry-without-new-date",
    .severity = ir::Severity::Error,
    .summary = "a newest changelog entry that is not newer than the one before",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports the newest changelog entry when its date is not later than the date of the entry below it (entries for `UNRELEASED` are left alone).)md",
             .why = R"md(The changelog is ordered by time; an entry copied without a new date misdates the upload, and `SOURCE_DATE_EPOCH` (reproducible builds) comes from it. lintian reports `latest-debian-changelog-entry-without-new-date`.)md",
             .example = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting.

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000

example (1.0-1) unstable; urgency=medium

  * Initial release. (Closes: #1000000)

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting.

 -- Jane Doe <jane@example.org>  Thu, 27 Nov 2025 10:00:00 +0000

example (1.0-1) unstable; urgency=medium

  * Initial release. (Closes: #1000000)

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 4.4; lintian `latest-debian-changelog-entry-without-new-date`; rules-debian.md DEB-L003.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
