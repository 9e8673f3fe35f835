// latest-debian-changelog-entry-reuses-existing-version: a newest changelog entry with the version of an older entry.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

std::string_view without_epoch(std::string_view v) {
  const auto colon = v.find(':');
  return colon == std::string_view::npos ? v : v.substr(colon + 1);
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.changelog == nullptr || ctx.changelog->entries.size() < 2) return;
  const auto& latest = ctx.changelog->entries.front();
  if (latest.version.empty() || unresolved(latest.version)) return;
  for (std::size_t i = 1; i < ctx.changelog->entries.size(); ++i) {
    const auto& e = ctx.changelog->entries[i];
    if (e.package != latest.package || without_epoch(e.version) != without_epoch(latest.version)) continue;
    out.report(latest.header_range, fmt::format("version {} was used before", latest.version))
        .note(e.header_range, "the older entry with that version");
    return;
  }
}

}  // namespace

extern const RuleInfo latest_debian_changelog_entry_reuses_existing_version;  // listed in rules/rules.def
constinit const RuleInfo latest_debian_changelog_entry_reuses_existing_version{
    .id = "latest-debian-changelog-entry-reuses-existing-version",
    .severity = ir::Severity::Warning,
    .summary = "a newest changelog entry with the version of an older entry",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports the newest changelog entry when an older entry of the same source already has its version (epochs aside).)md",
             .why = R"md(The archive refuses to accept a version twice, and an `.orig` tarball or `.deb` of that version may already exist with other contents. lintian reports `latest-debian-changelog-entry-reuses-existing-version`.)md",
             .example = R"md(example (1.0-1) unstable; urgency=medium

  * Fix the greeting.

 -- Jane Doe <jane@example.org>  Thu, 27 Nov 2025 10:00:00 +0000

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
             .reference = R"md(Debian Policy 5.6.12; lintian `latest-debian-changelog-entry-reuses-existing-version`; rules-debian.md DEB-L003.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
