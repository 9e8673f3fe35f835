// syntax-error-in-debian-changelog: reported by frontend/debian/changelog.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo syntax_error_in_debian_changelog;  // listed in rules/rules.def
constinit const RuleInfo syntax_error_in_debian_changelog{
    .id = "syntax-error-in-debian-changelog",
    .severity = ir::Severity::Warning,
    .summary = "a debian/changelog line is out of place or unrecognised",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports a `debian/changelog` line that is neither an entry heading, a change line, a blank line nor a trailer where it stands.)md",
             .why = R"md(dpkg-parsechangelog skips or misreads it.)md",
             .example = R"md(garbage before the first entry
example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-1) unstable; urgency=medium

  * Initial release.

 -- Jane Doe <jane@example.org>  Mon, 01 Jan 2024 12:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 4.4; lintian `syntax-error-in-debian-changelog`.)md",
             .example_file = "debian/changelog"},
};

}  // namespace katalint::rules
