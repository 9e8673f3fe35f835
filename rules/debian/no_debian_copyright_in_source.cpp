// no-debian-copyright-in-source: a package with Debian packaging but no debian/copyright.
#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control || pd.primary_file(frontend::FileKind::DebianCopyright) != nullptr) return;
  const ir::Field* source = nullptr;
  for (const auto& f : pd.control->fields)
    if (f.name == "Source") source = &f;
  const ir::Range at = source != nullptr ? source->range : ir::Range{pd.control->file, 0, 0};
  out.report(at, "the Debian packaging has no debian/copyright (debian.copyright for OBS)");
}

}  // namespace

extern const RuleInfo no_debian_copyright_in_source;  // listed in rules/rules.def
constinit const RuleInfo no_debian_copyright_in_source{
    .id = "no-debian-copyright-in-source",
    .severity = ir::Severity::Warning,
    .summary = "a package with Debian packaging but no debian/copyright",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .aliases = "no-copyright-file",
    .doc = {.what = R"md(Reports a package directory with `debian/control` (or OBS `debian.control`) but no `debian/copyright` (`debian.copyright`).)md",
             .why = R"md(Policy 12.5 requires a copyright file in every binary package, and dh_installdocs takes it from debian/copyright. Kata's OBS packages had none. lintian reports `no-debian-copyright-in-source`.)md",
             .example = R"md(debian/control   (Source: example ...)
debian/rules
debian/changelog
)md",
             .use_instead = R"md(debian/control
debian/rules
debian/changelog
debian/copyright
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 12.5; lintian `no-debian-copyright-in-source`; rules-debian.md DEB-P001.)md",
             .example_file = "debian/control",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
