// obs-rpmlintrc-set-badness: reported by frontend/package/obs_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_rpmlintrc_set_badness;  // listed in rules/rules.def
constinit const RuleInfo obs_rpmlintrc_set_badness{
    .id = "obs-rpmlintrc-set-badness",
    .severity = ir::Severity::Warning,
    .summary = "an rpmlintrc of the package directory uses setbadness",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .families = kSuse,
    .doc = {.what = R"md(Reports each `setBadness` call in an rpmlint configuration file of a package directory (`NAME-rpmlintrc`, `NAME.rpmlintrc`, `rpmlintrc`), outside comments. The finding is at the call.)md",
             .why = R"md(Factory's review bot declines it: "For Factory submissions, you cannot use setBadness. Use filters in $rpmlint." Lowering a finding's badness hides it from every later check of the package, while `addFilter` names the one finding that does not apply and is shown to reviewers. Kata's qemu-vanilla shipped `setBadness('arch-dependent-file-in-usr-share', 0)`.)md",
             .example = R"md(qemu-vanilla/qemu-vanilla-rpmlintrc:  setBadness('arch-dependent-file-in-usr-share', 0)
)md",
             .use_instead = R"md(qemu-vanilla/qemu-vanilla-rpmlintrc:  addFilter("arch-dependent-file-in-usr-share .*/qemu/.*\.bin")
)md",
             .fix_safety = R"md(No fix: the filter must name the finding precisely, and the file may better move out of /usr/share.)md",
             .reference = R"md(openSUSE-release-tools `check_source.pl`; rpmlint configuration (`addFilter`, `setBadness`); shared docs obs-devel-package.md, KL-OBS-040.)md",
             .not_runnable = "it checks a whole package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
