// package-uses-deprecated-debhelper-compat-version: a debhelper compat level below 10.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  if (ctx.package == nullptr) return;
  const int level = debhelper_compat_level(*ctx.package);
  if (level < 0 || level >= 10) return;
  for (const auto& d : ctx.package->build_dependencies)
    if (d.name == "debhelper-compat")
      out.report(d.range, fmt::format("debhelper compat level {} is deprecated; use 13", level));
}

}  // namespace

extern const RuleInfo package_uses_deprecated_debhelper_compat_version;  // listed in rules/rules.def
constinit const RuleInfo package_uses_deprecated_debhelper_compat_version{
    .id = "package-uses-deprecated-debhelper-compat-version",
    .severity = ir::Severity::Warning,
    .summary = "a debhelper compat level below 10",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports `debhelper-compat (= N)` with N below 10.)md",
             .why = R"md(debhelper deprecates compat levels below 10 and will remove them; Ubuntu focal supports up to 12, jammy and noble 13. Kata's OBS files used 9. lintian reports `package-uses-deprecated-debhelper-compat-version`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 9)
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
             .reference = R"md(debhelper(7) compatibility levels; lintian `package-uses-deprecated-debhelper-compat-version`; rules-debian.md DEB-R014.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
