// dsc-binary-drift: reported by frontend/package/checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo dsc_binary_drift;  // listed in rules/rules.def
constinit const RuleInfo dsc_binary_drift{
    .id = "dsc-binary-drift",
    .severity = ir::Severity::Warning,
    .summary = "the .dsc and debian.control name different binary packages",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Compares the `.dsc` `Binary:` list (or its `Package:` paragraphs) with the binary paragraphs of `debian.control`.)md",
             .why = R"md(dpkg-source takes the binary list from the `.dsc`; a package added to or dropped from only one file is built or announced wrongly.)md",
             .example = R"md(kata-shim.dsc:      Binary: kata-shim, kata-shim-dbg
debian.control:     Package: kata-shim
)md",
             .use_instead = R"md(kata-shim.dsc:      Binary: kata-shim
debian.control:     Package: kata-shim
)md",
             .fix_safety = R"md(katalint offers no fix: which file is right is the packager's decision.)md",
             .reference = R"md(docs/package-directory.md; openSUSE build service, Debian Policy 5.4 (source control files).)md",
             .not_runnable = "it compares several files of one package directory; tests/unit/package_dir_test.cpp runs it"},
};

}  // namespace katalint::rules
