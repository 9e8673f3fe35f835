// source-name-mismatch: reported by frontend/package/checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo source_name_mismatch;  // listed in rules/rules.def
constinit const RuleInfo source_name_mismatch{
    .id = "source-name-mismatch",
    .severity = ir::Severity::Warning,
    .summary = "the spec Name, the control Source, the .dsc Source and the changelog name differ",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Compares the source package name across the spec (`Name:`), `debian.control` (`Source:`), the `.dsc` (`Source:`) and `debian.changelog`.)md",
             .why = R"md(OBS and the distributions identify a package by this name; files that disagree produce packages that do not replace each other.)md",
             .example = R"md(kata-proxy.spec:    Name: kata-proxy
debian.control:     Source: kata-proxy-bin
)md",
             .use_instead = R"md(kata-proxy.spec:    Name: kata-proxy
debian.control:     Source: kata-proxy
)md",
             .fix_safety = R"md(katalint offers no fix: which file is right is the packager's decision.)md",
             .reference = R"md(docs/package-directory.md; openSUSE build service, Debian Policy 5.4 (source control files).)md",
             .not_runnable = "it compares several files of one package directory; tests/unit/package_dir_test.cpp runs it"},
};

}  // namespace katalint::rules
