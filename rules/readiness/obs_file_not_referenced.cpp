// obs-file-not-referenced: reported by frontend/package/obs_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_file_not_referenced;  // listed in rules/rules.def
constinit const RuleInfo obs_file_not_referenced{
    .id = "obs-file-not-referenced",
    .severity = ir::Severity::Warning,
    .summary = "a file of the package directory is named by no source or patch",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .families = kSuse,
    .doc = {.what = R"md(Reports each file directly in a package directory that no `SourceN` or `PatchN` of the spec names and that source_validator accepts without a reference: `*.changes`, `*.spec`, `*.dsc`, `*.obscpio`, `*.obsinfo`, `*.kiwi`, `_*` (`_service`, `_multibuild`, ...), `debian.*`, `PKGBUILD`, `appimage.yml`, `pre_checkin.sh`, `README.autobuild` and their templates. An `*-rpmlintrc` must be listed as a Source too. Directories with several specs, specs rpm rejects and specs whose patch list is placeholder or shell output are not checked. The finding is at the spec's `Name` value.)md",
             .why = R"md(source_validator warns "Attention, X is not mentioned in spec files as source or patch", and reviewers ask what an unlisted file is for: it is either dead weight or something the build uses without declaring it.)md",
             .example = R"md(foo/foo.spec:     Source0: foo-1.0.tar.gz
foo/foo-1.0.tar.gz
foo/old-fix.patch
)md",
             .use_instead = R"md(foo/foo.spec:     Source0: foo-1.0.tar.gz
foo/foo-1.0.tar.gz
)md",
             .fix_safety = R"md(No fix: the file may be needed (declare it) or stale (delete it).)md",
             .reference = R"md(obs-service-source_validator `20-files-present-and-referenced`; shared docs obs-devel-package.md, KL-OBS-021.)md",
             .not_runnable = "it checks a whole package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
