// debian-series-drift: reported by frontend/package/checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo debian_series_drift;  // listed in rules/rules.def
constinit const RuleInfo debian_series_drift{
    .id = "debian-series-drift",
    .severity = ir::Severity::Warning,
    .summary = "debian.series and the spec list different patches",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Compares the patches listed in `debian.series` with the spec's `Patch` tags.)md",
             .why = R"md(A patch applied on one side only makes the RPM and the Debian package differ in behaviour.)md",
             .example = R"md(qemu.spec:          Patch0: fix-build.patch
debian.series:      (empty)
)md",
             .use_instead = R"md(qemu.spec:          Patch0: fix-build.patch
debian.series:      fix-build.patch
)md",
             .fix_safety = R"md(katalint offers no fix: which file is right is the packager's decision.)md",
             .reference = R"md(docs/package-directory.md; openSUSE build service, Debian Policy 5.4 (source control files).)md",
             .not_runnable = "it compares several files of one package directory; tests/unit/package_dir_test.cpp runs it"},
};

}  // namespace katalint::rules
