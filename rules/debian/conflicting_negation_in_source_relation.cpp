// conflicting-negation-in-source-relation: an architecture list mixing negated and plain architectures.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_relation(ctx, [&](const ir::Dependency& d, bool) {
    bool negated = false, plain = false;
    for (const auto& a : d.arch_restrictions) (a.starts_with('!') ? negated : plain) = true;
    if (negated && plain)
      out.report(d.range, fmt::format("the architecture list of '{}' mixes negated and plain names", d.name));
  });
}

}  // namespace

extern const RuleInfo conflicting_negation_in_source_relation;  // listed in rules/rules.def
constinit const RuleInfo conflicting_negation_in_source_relation{
    .id = "conflicting-negation-in-source-relation",
    .severity = ir::Severity::Error,
    .summary = "an architecture list mixing negated and plain architectures",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports an architecture restriction such as `foo [amd64 !i386]` that mixes negated and non-negated architectures.)md",
             .why = R"md(Policy 7.1 forbids the mix: the list is either the architectures the relation applies to or the ones it does not. dpkg's reading of a mixed list is not what either half says. lintian reports `conflicting-negation-in-source-relation`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), libnuma-dev [amd64 !i386]
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
             .reference = R"md(Debian Policy 7.1; lintian `conflicting-negation-in-source-relation`; rules-debian.md DEB-R004.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
