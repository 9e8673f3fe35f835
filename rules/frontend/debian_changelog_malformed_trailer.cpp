// debian-changelog-malformed-trailer: reported by frontend/debian/changelog.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo debian_changelog_malformed_trailer;  // listed in rules/rules.def
constinit const RuleInfo debian_changelog_malformed_trailer{
    .id = "debian-changelog-malformed-trailer",
    .severity = ir::Severity::Error,
    .summary = "a debian/changelog trailer line does not parse",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports a trailer line (` -- Name <email>  date`) of `debian/changelog` that does not have that form.)md",
             .why = R"md(dpkg-parsechangelog cannot find the maintainer and date of the entry, so the source package gets none.)md",
             .example = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 --Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 4.4 (debian/changelog); dpkg-parsechangelog.)md",
             .example_file = "debian/changelog"},
};

}  // namespace katalint::rules
