// version-mismatch: reported by frontend/package/checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo version_mismatch;  // listed in rules/rules.def
constinit const RuleInfo version_mismatch{
    .id = "version-mismatch",
    .severity = ir::Severity::Warning,
    .summary = "the spec, .dsc and Debian changelog of one package give different versions",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Compares the upstream version (and epoch) of the spec's `Version:`, the `.dsc` `Version:` and the newest `debian.changelog` entry of one package directory.)md",
             .why = R"md(OBS builds the RPM and the Debian package from the same sources; when the files disagree, the two builds ship different versions, and a version injected by `_service` reaches only some of them.)md",
             .example = R"md(kata-runtime.spec:  Version: 1.2.0
kata-runtime.dsc:   Version: 1.1.0-1
)md",
             .use_instead = R"md(kata-runtime.spec:  Version: @VERSION@
kata-runtime.dsc:   Version: @VERSION@-@RELEASE@
)md",
             .fix_safety = R"md(katalint offers no fix: which file is right is the packager's decision.)md",
             .reference = R"md(docs/package-directory.md; openSUSE build service, Debian Policy 5.4 (source control files).)md",
             .not_runnable = "it compares several files of one package directory; tests/unit/package_dir_test.cpp runs it"},
};

}  // namespace katalint::rules
