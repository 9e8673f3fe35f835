// invalid-arch-string-in-source-relation: an unknown architecture in a relation's architecture list.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_relation(ctx, [&](const ir::Dependency& d, bool) {
    for (const auto& a : d.arch_restrictions) {
      const std::string_view arch = a.starts_with('!') ? std::string_view(a).substr(1) : std::string_view(a);
      if (unresolved(arch) || is_known_architecture(arch)) continue;
      out.report(d.range, fmt::format("'{}' in the architecture list of '{}' is not a Debian architecture", arch, d.name));
    }
  });
}

}  // namespace

extern const RuleInfo invalid_arch_string_in_source_relation;  // listed in rules/rules.def
constinit const RuleInfo invalid_arch_string_in_source_relation{
    .id = "invalid-arch-string-in-source-relation",
    .severity = ir::Severity::Error,
    .summary = "an unknown architecture in a relation's architecture list",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a name in a relation's `[...]` list that is neither a Debian architecture (`amd64`, `armhf`, ...) nor a wildcard (`any`, `linux-any`, `any-arm64`).)md",
             .why = R"md(dpkg ignores what it does not know, so the restriction silently never matches. lintian reports `invalid-arch-string-in-source-relation`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), libnuma-dev [amd46]
Standards-Version: 4.6.2
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
Build-Depends: debhelper-compat (= 13), libnuma-dev [amd64]
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 7.1, 11.1; dpkg-architecture(1); lintian `invalid-arch-string-in-source-relation` (architectures of lintian 2.116.3); rules-debian.md DEB-R005.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
