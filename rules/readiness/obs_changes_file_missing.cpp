// obs-changes-file-missing: reported by frontend/package/obs_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_changes_file_missing;  // listed in rules/rules.def
constinit const RuleInfo obs_changes_file_missing{
    .id = "obs-changes-file-missing",
    .severity = ir::Severity::Warning,
    .summary = "the package directory has no .changes file named after the package",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .families = kSuse,
    .doc = {.what = R"md(Reports a package directory with a spec but no `NAME.changes` (or its template), where NAME is the spec's evaluated `Name`, the spec file's name without `.spec`, or the directory's name. The finding is at the spec's `Name` value. It runs on package directories (`katalint DIR`, or several files of one package).)md",
             .why = R"md(openSUSE keeps a package's history in `NAME.changes`, written with `osc vc`, and merges it into `%changelog` at build time. Factory's review bot declines a submission without it: "A package submitted as FooBar needs to have a FooBar.changes file with a format created by `osc vc`" (check_source). Kata's home project had none; its `debian.changelog` was regenerated on every run.)md",
             .example = R"md(kata-runtime/kata-runtime.spec:  Name: kata-runtime
kata-runtime/                   (no kata-runtime.changes)
)md",
             .use_instead = R"md(kata-runtime/kata-runtime.spec:     Name: kata-runtime
kata-runtime/kata-runtime.changes:  written with osc vc
)md",
             .fix_safety = R"md(No fix: the first entry's text and author are the packager's.)md",
             .reference = R"md(openSUSE-release-tools `check_source.pl`; openSUSE *Creating a changes file (RPM)*; shared docs obs-devel-package.md, KL-OBS-001.)md",
             .not_runnable = "it checks a whole package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
