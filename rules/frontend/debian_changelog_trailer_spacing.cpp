// debian-changelog-trailer-spacing: reported by frontend/debian/changelog.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo debian_changelog_trailer_spacing;  // listed in rules/rules.def
constinit const RuleInfo debian_changelog_trailer_spacing{
    .id = "debian-changelog-trailer-spacing",
    .severity = ir::Severity::Warning,
    .summary = "a debian/changelog trailer has one space instead of two before the date",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports a trailer line with one space between the e-mail address and the date.)md",
             .why = R"md(Policy requires exactly two; strict parsers reject the line.)md",
             .example = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org> Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .fix_safety = R"md(No fix yet.)md",
             .reference = R"md(Debian Policy 4.4; lintian `debian-changelog-line-too-short` and related tags.)md",
             .example_file = "debian/changelog"},
};

}  // namespace katalint::rules
