// unreleased-changelog-distribution: a newest changelog entry for the UNRELEASED distribution.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  if (ctx.changelog == nullptr || ctx.changelog->entries.empty()) return;
  const auto& e = ctx.changelog->entries.front();
  if (e.distribution != "UNRELEASED") return;
  ir::Range range = e.header_range;
  if (range.valid()) {
    const std::string_view line = ctx.file.text().substr(range.begin, range.end - range.begin);
    const auto close = line.find(')');
    const auto at = line.find("UNRELEASED", close == std::string_view::npos ? 0 : close);
    if (at != std::string_view::npos)
      range = {range.file, range.begin + static_cast<std::uint32_t>(at), range.begin + static_cast<std::uint32_t>(at + 10)};
  }
  out.report(range, "the newest entry is for UNRELEASED; name the target release before uploading");
}

}  // namespace

extern const RuleInfo unreleased_changelog_distribution;  // listed in rules/rules.def
constinit const RuleInfo unreleased_changelog_distribution{
    .id = "unreleased-changelog-distribution",
    .severity = ir::Severity::Info,
    .summary = "a newest changelog entry for the UNRELEASED distribution",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports the newest changelog entry when its distribution is `UNRELEASED`.)md",
             .why = R"md(`UNRELEASED` marks work in progress; the archive, Launchpad and OBS builds need the target release (`unstable`, `noble`, ...). lintian reports `unreleased-changelog-distribution` when such an entry is uploaded.)md",
             .example = R"md(example (1.0-2) UNRELEASED; urgency=medium

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
             .reference = R"md(Debian Developer's Reference 5.1; lintian `unreleased-changelog-distribution`; rules-debian.md DEB-L007.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
