// build-depends-on-build-essential: a Build-Depends on build-essential, which every build has.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_build_depends(ctx, [&](const ir::Dependency& d) {
    if (d.name == "build-essential" && d.alternatives.empty())
      out.report(d.range, "build-essential is installed for every build; do not list it");
  });
}

}  // namespace

extern const RuleInfo build_depends_on_build_essential;  // listed in rules/rules.def
constinit const RuleInfo build_depends_on_build_essential{
    .id = "build-depends-on-build-essential",
    .severity = ir::Severity::Error,
    .summary = "a Build-Depends on build-essential, which every build has",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports `build-essential` in `Build-Depends`.)md",
             .why = R"md(The build-essential set is always present when a package builds (Policy 4.2); listing it is noise. Kata's OBS files had it, copied from the RPM `BuildRequires: gcc make`. lintian reports `build-depends-on-build-essential`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13), build-essential, golang-go
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
Build-Depends: debhelper-compat (= 13), golang-go
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: removing an entry from a folded list needs care with commas and line breaks; delete it by hand.)md",
             .reference = R"md(Debian Policy 4.2, 7.7; lintian `build-depends-on-build-essential`; rules-debian.md DEB-R007.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
