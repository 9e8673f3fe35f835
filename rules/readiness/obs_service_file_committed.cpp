// obs-service-file-committed: reported by frontend/package/obs_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo obs_service_file_committed;  // listed in rules/rules.def
constinit const RuleInfo obs_service_file_committed{
    .id = "obs-service-file-committed",
    .severity = ir::Severity::Warning,
    .summary = "the package directory holds output of a server-side source service",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .families = kSuse,
    .doc = {.what = R"md(Reports every `_service:*` file in a package directory (the names OBS gives the output of services that run on the server). The finding is at the first line of `_service`, else at the spec's `Name`.)md",
             .why = R"md(Factory's review bot declines a checkout with `_service:*` files: they are regenerated on the server, so a committed copy is stale or conflicts. A devel-ready package runs its services in `manual` mode and commits their output under its own name, or in `buildtime` mode and commits nothing.)md",
             .example = R"md(foo/_service
foo/_service:obs_scm:foo-1.0.obscpio
)md",
             .use_instead = R"md(foo/_service           (mode="manual")
foo/foo-1.0.obscpio
)md",
             .fix_safety = R"md(No fix: whether to rerun the service locally or switch it to `buildtime` is the packager's decision.)md",
             .reference = R"md(openSUSE-release-tools `check_source.pl`; openSUSE *Source services*; shared docs obs-devel-package.md, KL-OBS-031.)md",
             .not_runnable = "it checks a whole package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
