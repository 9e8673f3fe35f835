// invalid-date-in-debian-changelog: reported by frontend/debian/changelog.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo invalid_date_in_debian_changelog;  // listed in rules/rules.def
constinit const RuleInfo invalid_date_in_debian_changelog{
    .id = "invalid-date-in-debian-changelog",
    .severity = ir::Severity::Error,
    .summary = "a debian/changelog trailer date is invalid",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports a trailer date that is not an RFC 2822 date, such as a day of the month that does not exist.)md",
             .why = R"md(dpkg-parsechangelog fails, and tools that sort entries by date misplace the entry.)md",
             .example = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 45 Jan 2024 12:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 4.4; lintian `invalid-date-in-debian-changelog`.)md",
             .example_file = "debian/changelog"},
};

}  // namespace katalint::rules
