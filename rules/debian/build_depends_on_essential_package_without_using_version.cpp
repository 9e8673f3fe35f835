// build-depends-on-essential-package-without-using-version: an unversioned Build-Depends on an Essential package.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_build_depends(ctx, [&](const ir::Dependency& d) {
    if (d.op.empty() && d.alternatives.empty() && is_essential(d.name))
      out.report(d.range, fmt::format("'{}' is Essential and always installed; list it only with a version", d.name));
  });
}

}  // namespace

extern const RuleInfo build_depends_on_essential_package_without_using_version;  // listed in rules/rules.def
constinit const RuleInfo build_depends_on_essential_package_without_using_version{
    .id = "build-depends-on-essential-package-without-using-version",
    .severity = ir::Severity::Error,
    .summary = "an unversioned Build-Depends on an Essential package",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports an unversioned build dependency on an Essential package (`bash`, `coreutils`, `sed`, `grep`, `tar`, ...).)md",
             .why = R"md(Essential packages are always installed, so the relation says nothing. It is a typical leftover of an RPM `BuildRequires: coreutils`. lintian reports `build-depends-on-essential-package-without-using-version`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), coreutils
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
Build-Depends: debhelper-compat (= 13), coreutils (>= 9.1)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 3.8; lintian `build-depends-on-essential-package-without-using-version` (Essential set of Debian 12); rules-debian.md DEB-R008.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
