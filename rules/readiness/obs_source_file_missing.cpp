// obs-source-file-missing: reported by frontend/package/obs_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_source_file_missing;  // listed in rules/rules.def
constinit const RuleInfo obs_source_file_missing{
    .id = "obs-source-file-missing",
    .severity = ir::Severity::Warning,
    .summary = "a source or patch of the spec is missing from the package directory or empty",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .families = kSuse,
    .doc = {.what = R"md(Reports a `SourceN` or `PatchN` whose file (the last part of the path or URL, or the name after a `#/` fragment) is not in the package directory, and a patch file that is empty. When the directory has a `_service`, archives and URLs are not required, because services make them on the server; patches and other local files still are. Names with template placeholders match any text in their place. Specs rpm rejects are not checked. The finding is at the tag's value.)md",
             .why = R"md(OBS builds only from the files committed to the package; a missing file fails the build, and source_validator and Factory's review bot check for it before a submission is accepted ("Every `Source`/`Patch` must exist in the dir", "patches must be non-empty").)md",
             .example = R"md(foo/foo.spec:     Patch0: fix-build.patch
foo/              (no fix-build.patch)
)md",
             .use_instead = R"md(foo/foo.spec:     Patch0: fix-build.patch
foo/fix-build.patch
)md",
             .fix_safety = R"md(No fix: the file must come from upstream or the packager.)md",
             .reference = R"md(obs-service-source_validator `20-files-present-and-referenced`, `30-patches-applied`; shared docs obs-devel-package.md, KL-OBS-020.)md",
             .not_runnable = "it checks a whole package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
