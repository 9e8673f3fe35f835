// debian-changelog-has-wrong-day-of-week: a changelog date whose day of the week is wrong.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  static constexpr std::string_view kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
  if (ctx.changelog == nullptr || ctx.changelog->entries.empty()) return;
  const auto& e = ctx.changelog->entries.front();
  const auto date = parse_changelog_date(e.date);
  if (!date) return;
  const std::string_view actual = kDays[((date->days % 7) + 7) % 7];
  if (date->weekday == actual) return;
  const ir::Range range = date_range(ctx, e);
  auto d = out.report(range, fmt::format("the date is a {}, not a {}", actual, date->weekday));
  if (range.valid() && ctx.file.text().substr(range.begin, date->weekday.size()) == date->weekday)
    d.fix(fmt::format("write '{}'", actual), ir::Applicability::Safe,
          {{{range.file, range.begin, range.begin + static_cast<std::uint32_t>(date->weekday.size())}, std::string(actual)}});
}

}  // namespace

extern const RuleInfo debian_changelog_has_wrong_day_of_week;  // listed in rules/rules.def
constinit const RuleInfo debian_changelog_has_wrong_day_of_week{
    .id = "debian-changelog-has-wrong-day-of-week",
    .severity = ir::Severity::Warning,
    .summary = "a changelog date whose day of the week is wrong",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports the newest changelog entry when the day of the week in its trailer does not match its date.)md",
             .why = R"md(dpkg keeps the date as written, and tools that parse it may refuse it or trust the wrong part. RPM `%changelog` dates are often wrong the same way, and converted entries carry the error over. lintian reports `debian-changelog-has-wrong-day-of-week`.)md",
             .example = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting.

 -- Jane Doe <jane@example.org>  Fri, 27 Nov 2025 10:00:00 +0000

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
             .fix_safety = R"md(The fix writes the day the date falls on; the date itself is what dpkg uses, so this is safe.)md",
             .reference = R"md(Debian Policy 4.4; lintian `debian-changelog-has-wrong-day-of-week`; rules-debian.md DEB-L002.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
