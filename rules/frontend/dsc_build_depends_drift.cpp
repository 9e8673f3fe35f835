// dsc-build-depends-drift: reported by frontend/package/checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo dsc_build_depends_drift;  // listed in rules/rules.def
constinit const RuleInfo dsc_build_depends_drift{
    .id = "dsc-build-depends-drift",
    .severity = ir::Severity::Warning,
    .summary = "the .dsc and debian.control have different build dependencies",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Compares `Build-Depends` (and the -Arch/-Indep variants) of the `.dsc` with `debian.control`, relation by relation, and reports what is missing on either side or constrained differently.)md",
             .why = R"md(OBS installs what the `.dsc` lists, while `debian.control` is what the package claims; drift means the build root and the package metadata disagree (seen in the Kata home project: `fakeroot`, `librbd-dev`).)md",
             .example = R"md(kata-runtime.dsc:   Build-Depends: debhelper (>= 9), git, fakeroot
debian.control:     Build-Depends: debhelper (>= 9), git
)md",
             .use_instead = R"md(kata-runtime.dsc:   Build-Depends: debhelper (>= 9), git
debian.control:     Build-Depends: debhelper (>= 9), git
)md",
             .fix_safety = R"md(katalint offers no fix: which file is right is the packager's decision.)md",
             .reference = R"md(docs/package-directory.md; openSUSE build service, Debian Policy 5.4 (source control files).)md",
             .not_runnable = "it compares several files of one package directory; tests/unit/package_dir_test.cpp runs it"},
};

}  // namespace katalint::rules
