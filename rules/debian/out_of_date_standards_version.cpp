// out-of-date-standards-version: a Standards-Version older than the current Debian Policy.
#include <array>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

std::array<int, 4> parts(std::string_view v) {
  std::array<int, 4> out{};
  std::size_t k = 0;
  for (char c : v) {
    if (c == '.') {
      if (++k == out.size()) break;
    } else if (c >= '0' && c <= '9') {
      out[k] = out[k] * 10 + (c - '0');
    }
  }
  return out;
}

void check(const Context& ctx, Reporter& out) {
  const auto* p = source_paragraph(ctx);
  const auto* f = p != nullptr ? p->find("Standards-Version") : nullptr;
  if (f == nullptr || unresolved(f->value) || !is_policy_version(f->value)) return;
  const auto latest = latest_policy_version();
  const auto have = parts(f->value), want = parts(latest);
  // Only the first three parts matter: 4.6.2.1 is an editorial release of 4.6.2.
  if (std::array<int, 3>{have[0], have[1], have[2]} < std::array<int, 3>{want[0], want[1], want[2]})
    out.report(f->value_range, fmt::format("Standards-Version {} is older than Debian Policy {}", f->value,
                                           latest.substr(0, latest.rfind('.'))));
}

}  // namespace

extern const RuleInfo out_of_date_standards_version;  // listed in rules/rules.def
constinit const RuleInfo out_of_date_standards_version{
    .id = "out-of-date-standards-version",
    .severity = ir::Severity::Info,
    .summary = "a Standards-Version older than the current Debian Policy",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a `Standards-Version` older than the newest Debian Policy release katalint knows (4.6.2, the one of Debian 12).)md",
             .why = R"md(The package has not been checked against the Policy of the release it is built for. Kata's OBS files said `3.9.6`. lintian reports `out-of-date-standards-version` when the version was already outdated at the date of the newest changelog entry; katalint compares with the newest release, since a single debian/control has no date.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 3.9.6
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 5.6.11 and its upgrading checklist; lintian `out-of-date-standards-version`; rules-debian.md DEB-C011.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
