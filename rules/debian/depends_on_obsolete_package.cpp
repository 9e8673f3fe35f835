// depends-on-obsolete-package: a binary package relation on an obsolete package.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_binary_depends(ctx, [&](const ir::Dependency& d) {
    if (const auto replacement = obsolete_replacement(d.name)) out.report(d.range, obsolete_message(d.name, *replacement));
  });
}

}  // namespace

extern const RuleInfo depends_on_obsolete_package;  // listed in rules/rules.def
constinit const RuleInfo depends_on_obsolete_package{
    .id = "depends-on-obsolete-package",
    .severity = ir::Severity::Error,
    .summary = "a binary package relation on an obsolete package",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a `Depends` or `Pre-Depends` on a package that Debian replaced or removed.)md",
             .why = R"md(The package will not install once the obsolete package is gone. lintian reports `depends-on-obsolete-package`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}, lsb-base
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
             .reference = R"md(lintian `depends-on-obsolete-package` (data/fields/obsolete-packages of lintian 2.116.3); rules-debian.md DEB-R009.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
