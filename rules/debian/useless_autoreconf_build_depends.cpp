// useless-autoreconf-build-depends: a Build-Depends on dh-autoreconf with debhelper compat 10 or later.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const int level = debhelper_compat_level(ctx);
  if (level < 10) return;
  for_each_build_depends(ctx, [&](const ir::Dependency& d) {
    if (d.name == "dh-autoreconf" && d.alternatives.empty())
      out.report(d.range, fmt::format("debhelper compat {} runs dh_autoreconf itself; dh-autoreconf is not needed", level));
  });
}

}  // namespace

extern const RuleInfo useless_autoreconf_build_depends;  // listed in rules/rules.def
constinit const RuleInfo useless_autoreconf_build_depends{
    .id = "useless-autoreconf-build-depends",
    .severity = ir::Severity::Warning,
    .summary = "a Build-Depends on dh-autoreconf with debhelper compat 10 or later",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports `dh-autoreconf` in `Build-Depends` of a package at debhelper compat level 10 or later.)md",
             .why = R"md(From compat 10, dh runs dh_autoreconf by default and debhelper depends on dh-autoreconf. Kata's OBS files carried it. lintian reports `useless-autoreconf-build-depends`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), dh-autoreconf
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
             .reference = R"md(debhelper(7) compat 10; lintian `useless-autoreconf-build-depends`; rules-debian.md DEB-R009.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
