// invalid-standards-version: a Standards-Version that is not a released Debian Policy version.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const auto* p = source_paragraph(ctx);
  const auto* f = p != nullptr ? p->find("Standards-Version") : nullptr;
  if (f == nullptr || f->value.empty() || unresolved(f->value)) return;
  if (!is_policy_version(f->value))
    out.report(f->value_range, fmt::format("'{}' is not a released Debian Policy version (the newest is {})",
                                           f->value, latest_policy_version().substr(0, latest_policy_version().rfind('.'))));
}

}  // namespace

extern const RuleInfo invalid_standards_version;  // listed in rules/rules.def
constinit const RuleInfo invalid_standards_version{
    .id = "invalid-standards-version",
    .severity = ir::Severity::Error,
    .summary = "a Standards-Version that is not a released Debian Policy version",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a `Standards-Version` that names no released version of Debian Policy (for example `4.9` or `3.9.6.5`).)md",
             .why = R"md(The field says which Policy the package was checked against; a version that was never released says nothing. lintian reports `invalid-standards-version`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.9
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
             .reference = R"md(Debian Policy 5.6.11; lintian `invalid-standards-version` (releases known to lintian 2.116.3); rules-debian.md DEB-C011.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
