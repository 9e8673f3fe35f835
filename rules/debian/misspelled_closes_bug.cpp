// misspelled-closes-bug: a Close: instead of Closes: in a changelog entry.
#include <regex>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  static const std::regex re(R"(Close:\s+#\d+)", std::regex::icase);
  const std::string_view changes = latest_changes(ctx);
  const auto base = static_cast<std::size_t>(changes.data() - ctx.file.text().data());
  std::cmatch m;
  if (!std::regex_search(changes.data(), changes.data() + changes.size(), m, re)) return;
  out.report(range_at(ctx, base + static_cast<std::size_t>(m[0].first - changes.data()), static_cast<std::size_t>(m.length(0))),
             fmt::format("'{}' does not close the bug; write 'Closes:'", m.str(0)));
}

}  // namespace

extern const RuleInfo misspelled_closes_bug;  // listed in rules/rules.def
constinit const RuleInfo misspelled_closes_bug{
    .id = "misspelled-closes-bug",
    .severity = ir::Severity::Warning,
    .summary = "a Close: instead of Closes: in a changelog entry",
    .kinds = kind_bit(frontend::FileKind::DebianChangelog),
    .doc = {.what = R"md(Reports `Close: #NNN` in the newest changelog entry.)md",
             .why = R"md(Only `Closes:` closes bugs (Policy 4.4). lintian reports `misspelled-closes-bug`.)md",
             .example = R"md(example (1.0-2) unstable; urgency=medium

  * Fix the greeting. (Close: #1000001)

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
             .reference = R"md(Debian Policy 4.4; lintian `misspelled-closes-bug`; rules-debian.md DEB-L005.)md",
             .example_file = "debian/changelog"},
    .check = check,
};

}  // namespace katalint::rules
