// package-relation-with-self: a binary package that depends on, recommends or suggests itself.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  if (ctx.package == nullptr) return;
  for (const auto& p : ctx.package->packages) {
    if (unresolved(p.name)) continue;
    for (const auto& d : p.dependencies) {
      const bool forward = d.kind == ir::DepKind::Requires || d.kind == ir::DepKind::PreDepends ||
                           d.kind == ir::DepKind::Recommends || d.kind == ir::DepKind::Suggests;
      if (forward && d.name == p.name && d.alternatives.empty() && d.arch_qualifier.empty())
        out.report(d.range, fmt::format("'{}' names itself in its own relations", p.name));
    }
  }
}

}  // namespace

extern const RuleInfo package_relation_with_self;  // listed in rules/rules.def
constinit const RuleInfo package_relation_with_self{
    .id = "package-relation-with-self",
    .severity = ir::Severity::Warning,
    .summary = "a binary package that depends on, recommends or suggests itself",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a binary package that lists itself in its own `Depends`, `Pre-Depends`, `Recommends` or `Suggests`.)md",
             .why = R"md(A package always satisfies a relation on itself, so the entry is a mistake (often a copy of the source name). lintian reports `package-relation-with-self`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}, example
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
             .reference = R"md(Debian Policy 7.2; lintian `package-relation-with-self`; rules-debian.md DEB-R012.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
