// depends-on-essential-package-without-using-version: an unversioned Depends or Pre-Depends on an Essential package.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_binary_depends(ctx, [&](const ir::Dependency& d) {
    if (d.op.empty() && d.alternatives.empty() && is_essential(d.name))
      out.report(d.range, fmt::format("'{}' is Essential and always installed; depend on it only with a version", d.name));
  });
}

}  // namespace

extern const RuleInfo depends_on_essential_package_without_using_version;  // listed in rules/rules.def
constinit const RuleInfo depends_on_essential_package_without_using_version{
    .id = "depends-on-essential-package-without-using-version",
    .severity = ir::Severity::Error,
    .summary = "an unversioned Depends or Pre-Depends on an Essential package",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports an unversioned `Depends` or `Pre-Depends` on an Essential package.)md",
             .why = R"md(Essential packages are always installed (Policy 3.8), so the relation is noise; RPM `Requires: bash` maps to nothing. lintian reports `depends-on-essential-package-without-using-version`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}, bash
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
             .reference = R"md(Debian Policy 3.8; lintian `depends-on-essential-package-without-using-version`; rules-debian.md DEB-R008.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
