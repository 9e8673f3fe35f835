// no-versioned-debhelper-prerequisite: a debian/compat level without a Build-Depends on debhelper of that version.
#include <fstream>

#include <fmt/core.h>

#include "frontend/package/directory.hpp"
#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const frontend::PackageDirectory& pd, const ir::SourceManager&, Reporter& out) {
  if (!pd.control) return;
  int level = -1;
  for (const auto& f : pd.files) {
    if (!f.path.ends_with("debian/compat") && !f.path.ends_with("debian.compat")) continue;
    std::ifstream in(f.path);
    if (!(in >> level)) return;
  }
  if (level < 0) return;
  for (const auto& d : pd.control->build_dependencies) {
    if (d.kind != ir::DepKind::BuildRequires || d.name != "debhelper") continue;
    int version = 0;
    for (char c : d.evr) {
      if (c < '0' || c > '9') break;
      version = version * 10 + (c - '0');
    }
    const bool enough = (d.op == ">=" || d.op == ">>" || d.op == "=") && version >= level;
    if (!enough)
      out.report(d.range, fmt::format("debian/compat asks for level {}; Build-Depend on 'debhelper (>= {}~)'", level, level));
    return;
  }
}

}  // namespace

extern const RuleInfo no_versioned_debhelper_prerequisite;  // listed in rules/rules.def
constinit const RuleInfo no_versioned_debhelper_prerequisite{
    .id = "no-versioned-debhelper-prerequisite",
    .severity = ir::Severity::Warning,
    .summary = "a debian/compat level without a Build-Depends on debhelper of that version",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a `debhelper` build dependency without a version of at least the level in `debian/compat` (OBS `debian.compat`).)md",
             .why = R"md(An older debhelper does not know the level and fails, or silently builds at another level. `Build-Depends: debhelper-compat (= N)` avoids the problem. Kata's OBS packages had `debian.compat` 9 and an unversioned `debhelper`. lintian reports `no-versioned-debhelper-prerequisite`.)md",
             .example = R"md(debian/compat:   13
debian/control:  Build-Depends: debhelper
)md",
             .use_instead = R"md(debian/compat:   13
debian/control:  Build-Depends: debhelper (>= 13~)
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(debhelper(7); lintian `no-versioned-debhelper-prerequisite`; rules-debian.md DEB-R014.)md",
             .example_file = "debian/control",
             .not_runnable = "it checks the files of a package directory; tests/unit/debian_package_rules_test.cpp runs it"},
    .package_check = check,
};

}  // namespace katalint::rules
