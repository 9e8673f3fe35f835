// malformed-debian-changelog-version: reported by frontend/debian/changelog.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo malformed_debian_changelog_version;  // listed in rules/rules.def
constinit const RuleInfo malformed_debian_changelog_version{
    .id = "malformed-debian-changelog-version",
    .severity = ir::Severity::Error,
    .summary = "a debian/changelog version is invalid",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports an entry whose version is not a valid Debian version (it must start with a digit, and use only the allowed characters).)md",
             .why = R"md(dpkg rejects the version, so the package cannot be built.)md",
             .example = R"md(example (v1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 5.6.12 (Version); lintian `malformed-debian-changelog-version`.)md",
             .example_file = "debian/changelog"},
};

}  // namespace katalint::rules
