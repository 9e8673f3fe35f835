// possible-missing-colon-in-closes: a Closes bug reference without its colon.
#include <regex>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  static const std::regex re(R"((closes[\s;]*(?:bug)?#?\s?\d{6,})[^\w])", std::regex::icase);
  const std::string_view changes = latest_changes(ctx);
  const auto base = static_cast<std::size_t>(changes.data() - ctx.file.text().data());
  for (std::cregex_iterator it(changes.data(), changes.data() + changes.size(), re), end; it != end; ++it) {
    const auto& m = (*it)[1];
    out.report(range_at(ctx, base + static_cast<std::size_t>(m.first - changes.data()), static_cast<std::size_t>(m.length())),
               fmt::format("'{}' does not close the bug; write 'Closes: #NNN'", m.str()));
  }
}

}  // namespace

extern const RuleInfo possible_missing_colon_in_closes;  // listed in rules/rules.def
constinit const RuleInfo possible_missing_colon_in_closes{
    .id = "possible-missing-colon-in-closes",
    .severity = ir::Severity::Error,
    .summary = "a Closes bug reference without its colon",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports `Closes #123456`, `closes 123456` and similar spellings without the colon in the newest changelog entry.)md",
             .why = R"md(dpkg and the archive only close bugs written as `Closes: #NNN` (Policy 4.4); the misspelt form leaves the bug open. For Ubuntu, bugs are closed with `LP: #NNN`. lintian reports `possible-missing-colon-in-closes`.)md",
             .example = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting. Closes #1000001

 -- Jane Doe <jane@example.org>  Thu, 27 Nov 2025 10:00:00 +0000

example (1.0-1) unstable; urgency=medium

  * Initial release. (Closes: #1000000)

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000
)md",
             .use_instead = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting. (Closes: #1000001)

 -- Jane Doe <jane@example.org>  Thu, 27 Nov 2025 10:00:00 +0000

example (1.0-1) unstable; urgency=medium

  * Initial release. (Closes: #1000000)

 -- Jane Doe <jane@example.org>  Wed, 26 Nov 2025 10:00:00 +0000
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 4.4; lintian `possible-missing-colon-in-closes`; rules-debian.md DEB-L005.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
