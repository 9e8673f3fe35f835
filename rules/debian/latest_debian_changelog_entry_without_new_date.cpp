// latest-debian-changelog-entry-without-new-date: a newest changelog entry that is not newer than the one before.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  if (ctx.changelog == nullptr || ctx.changelog->entries.size() < 2) return;
  const auto& latest = ctx.changelog->entries[0];
  const auto& previous = ctx.changelog->entries[1];
  std::string dist = latest.distribution;
  for (char& c : dist) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (dist == "unreleased") return;
  const auto a = parse_changelog_date(latest.date), b = parse_changelog_date(previous.date);
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
