// uses-debhelper-compat-file: a debhelper compat level set in debian/compat.
#include <filesystem>

#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

ir::Range source_field(const ir::Package& control) {
  for (const auto& f : control.fields)
    if (f.name == "Source") return f.range;
  return {control.file, 0, 0};
}

void check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control) return;
  const std::string compat = compat_file(pd);
  if (compat.empty()) return;
  out.report(source_field(*pd.control), fmt::format("{} sets the debhelper compat level; use 'debhelper-compat (= N)' in Build-Depends instead",
                                                    std::filesystem::path(compat).filename().string()));
}

}  // namespace

extern const RuleInfo uses_debhelper_compat_file;  // listed in rules/rules.def
constinit const RuleInfo uses_debhelper_compat_file{
    .id = "uses-debhelper-compat-file",
    .severity = ir::Severity::Info,
    .summary = "a debhelper compat level set in debian/compat",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a package directory with `debian/compat` (OBS `debian.compat`) next to its control file.)md",
             .why = R"md(Since debhelper 11 the level is best declared as `Build-Depends: debhelper-compat (= N)`, which also pulls in a debhelper that supports it. Kata's OBS packages had `debian.compat` with 9. lintian reports `uses-debhelper-compat-file`.)md",
             .example = R"md(debian/compat:   13
debian/control:  Build-Depends: debhelper (>= 13)
)md",
             .use_instead = R"md(debian/control:  Build-Depends: debhelper-compat (= 13)
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(debhelper(7) COMPATIBILITY LEVELS; lintian `uses-debhelper-compat-file`; rules-debian.md DEB-R014.)md",
             .example_file = "debian/control",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
