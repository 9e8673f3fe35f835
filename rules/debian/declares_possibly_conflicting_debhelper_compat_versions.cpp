// declares-possibly-conflicting-debhelper-compat-versions: both debian/compat and debhelper-compat in Build-Depends.
#include <filesystem>

#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control) return;
  const std::string compat = compat_file(pd);
  if (compat.empty()) return;
  for (const auto& d : pd.control->build_dependencies)
    if (d.name == "debhelper-compat")
      out.report(d.range, fmt::format("the compat level is declared here and in {}; debhelper refuses both",
                                      std::filesystem::path(compat).filename().string()));
}

}  // namespace

extern const RuleInfo declares_possibly_conflicting_debhelper_compat_versions;  // listed in rules/rules.def
constinit const RuleInfo declares_possibly_conflicting_debhelper_compat_versions{
    .id = "declares-possibly-conflicting-debhelper-compat-versions",
    .severity = ir::Severity::Error,
    .summary = "both debian/compat and debhelper-compat in Build-Depends",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports `debhelper-compat (= N)` in `Build-Depends` when the package also has a `debian/compat` file.)md",
             .why = R"md(debhelper stops with an error when the level is given twice. lintian reports `declares-possibly-conflicting-debhelper-compat-versions`.)md",
             .example = R"md(debian/compat:   13
debian/control:  Build-Depends: debhelper-compat (= 13)
)md",
             .use_instead = R"md(debian/control:  Build-Depends: debhelper-compat (= 13)
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(debhelper(7); lintian `declares-possibly-conflicting-debhelper-compat-versions`; rules-debian.md DEB-R014.)md",
             .example_file = "debian/control",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
