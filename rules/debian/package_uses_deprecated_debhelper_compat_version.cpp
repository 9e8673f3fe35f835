// package-uses-deprecated-debhelper-compat-version: a debhelper compat level below 10.
#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const int level = debhelper_compat_level(ctx);  // -1 without a package
  if (level < 0 || level >= 10) return;
  for (const auto& d : ctx.package->build_dependencies)
    if (d.name == "debhelper-compat")
      out.report(d.range, fmt::format("debhelper compat level {} is deprecated; use 13", level));
}

// The level comes from debian/compat when debhelper-compat is not used (the check above
// covers that); without either, debhelper runs at level 1.
void package_check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control || debhelper_compat_level(*pd.control) >= 0) return;
  const ir::Dependency* debhelper = nullptr;
  for (const auto& d : pd.control->build_dependencies)
    if (d.kind == ir::DepKind::BuildRequires && d.name == "debhelper") debhelper = &d;
  if (debhelper == nullptr) return;
  const auto* control = pd.primary_file(frontend::FileKind::DebianControl);
  const int level = control != nullptr ? debhelper_compat_file_level(control->path) : -1;
  if (level >= 10 || level == 0) return;
  out.report(debhelper->range, level < 0 ? std::string("no debhelper compat level is declared, so debhelper uses level 1; "
                                                       "add 'debhelper-compat (= 13)' to Build-Depends")
                                         : fmt::format("debhelper compat level {} (debian/compat) is deprecated; use 13", level));
}

}  // namespace

extern const RuleInfo package_uses_deprecated_debhelper_compat_version;  // listed in rules/rules.def
constinit const RuleInfo package_uses_deprecated_debhelper_compat_version{
    .id = "package-uses-deprecated-debhelper-compat-version",
    .severity = ir::Severity::Warning,
    .summary = "a debhelper compat level below 10",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a debhelper compatibility level below 10: `debhelper-compat (= N)` in `Build-Depends`, or, in a package directory, `debian/compat` (OBS `debian.compat`), or no level at all next to a `debhelper` build dependency (debhelper then runs at level 1).)md",
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
    .package_check = package_check,
};

}  // namespace katalint::rules
