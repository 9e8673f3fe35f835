// build-depends-on-build-essential-package-without-using-version: an unversioned Build-Depends on a package of the build-essential set.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_build_depends(ctx, [&](const ir::Dependency& d) {
    if (d.op.empty() && d.alternatives.empty() && is_build_essential(d.name))
      out.report(d.range, fmt::format("'{}' is build-essential; list it only with a version that matters", d.name));
  });
}

}  // namespace

extern const RuleInfo build_depends_on_build_essential_package_without_using_version;  // listed in rules/rules.def
constinit const RuleInfo build_depends_on_build_essential_package_without_using_version{
    .id = "build-depends-on-build-essential-package-without-using-version",
    .severity = ir::Severity::Error,
    .summary = "an unversioned Build-Depends on a package of the build-essential set",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports an unversioned build dependency on `libc6-dev`, `gcc`, `g++`, `make` or `dpkg-dev`.)md",
             .why = R"md(These come with build-essential (Policy 4.2). Only a versioned relation says something. RPM `BuildRequires: gcc make` must be dropped, not mapped. lintian reports `build-depends-on-build-essential-package-without-using-version`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), make
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
Build-Depends: debhelper-compat (= 13), make (>= 4.3)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 4.2; lintian `build-depends-on-build-essential-package-without-using-version`; rules-debian.md DEB-R007.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
