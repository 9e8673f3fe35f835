// build-depends-on-obsolete-package: a Build-Depends on an obsolete package.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_build_depends(ctx, [&](const ir::Dependency& d) {
    if (const auto replacement = obsolete_replacement(d.name)) out.report(d.range, obsolete_message(d.name, *replacement));
  });
}

}  // namespace

extern const RuleInfo build_depends_on_obsolete_package;  // listed in rules/rules.def
constinit const RuleInfo build_depends_on_obsolete_package{
    .id = "build-depends-on-obsolete-package",
    .severity = ir::Severity::Warning,
    .summary = "a Build-Depends on an obsolete package",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a build dependency on a package that Debian replaced or removed (`dh-systemd`, `libncurses5-dev`, `libgl1-mesa-dev`, ...), naming its replacement when there is one.)md",
             .why = R"md(Obsolete packages are transitional at best and gone at worst, so the build fails on newer releases. lintian reports `build-depends-on-obsolete-package`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), libncurses5-dev
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
Build-Depends: debhelper-compat (= 13), libncurses-dev
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(lintian `build-depends-on-obsolete-package` (data/fields/obsolete-packages of lintian 2.116.3); rules-debian.md DEB-R009.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
