// obs-stale-changes-file: reported by frontend/package/obs_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_stale_changes_file;  // listed in rules/rules.def
constinit const RuleInfo obs_stale_changes_file{
    .id = "obs-stale-changes-file",
    .severity = ir::Severity::Warning,
    .summary = "a .changes file is named after no package of the directory",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .families = kSuse,
    .doc = {.what = R"md(Reports a `.changes` file of a package directory that is named after neither the spec's `Name`, a subpackage, the spec file nor the directory, and that no `SourceN` lists. The finding is at the file's first line.)md",
             .why = R"md(source_validator (`45-stale-changes`) stops with "ERROR: x.changes not a subpackage, please remove": such a file is usually left over from a rename, and its history belongs in `NAME.changes`.)md",
             .example = R"md(foo/foo.spec:     Name: foo
foo/foo.changes
foo/oldname.changes
)md",
             .use_instead = R"md(foo/foo.spec:     Name: foo
foo/foo.changes
)md",
             .fix_safety = R"md(No fix: merging the old history into `NAME.changes` is the packager's decision.)md",
             .reference = R"md(obs-service-source_validator `45-stale-changes`; shared docs obs-devel-package.md, KL-OBS-014.)md",
             .not_runnable = "it checks a whole package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
