// missing-debian-source-format: a debian/ directory without debian/source/format.
#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const frontend::PackageDirectory& pd, const ir::SourceManager& sources, Reporter& out) {
  const auto* control = pd.primary_file(frontend::FileKind::DebianControl);
  // OBS spells the control file debian.control and takes the format from the .dsc.
  if (!pd.control || control == nullptr || !control->path.ends_with("debian/control")) return;
  if (pd.primary_file(frontend::FileKind::SourceFormat) != nullptr) return;
  (void)sources;
  out.report({pd.control->file, 0, 0}, "debian/source/format is missing; dpkg-source falls back to format 1.0 (write '3.0 (quilt)')");
}

}  // namespace

extern const RuleInfo missing_debian_source_format;  // listed in rules/rules.def
constinit const RuleInfo missing_debian_source_format{
    .id = "missing-debian-source-format",
    .severity = ir::Severity::Warning,
    .summary = "a debian/ directory without debian/source/format",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a `debian/` directory with `debian/control` but without `debian/source/format`.)md",
             .why = R"md(Without it dpkg-source assumes the old 1.0 format and warns; newer dpkg versions will refuse. lintian reports `missing-debian-source-format`.)md",
             .example = R"md(debian/control
debian/rules
debian/changelog
)md",
             .use_instead = R"md(debian/control
debian/rules
debian/changelog
debian/source/format   (3.0 (quilt))
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(dpkg-source(1); lintian `missing-debian-source-format`; rules-debian.md DEB-F001.)md",
             .example_file = "debian/control",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
