// go-build-depends-missing: reported by frontend/package/go_checks.cpp for a package directory; this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo go_build_depends_missing;  // listed in rules/rules.def
constinit const RuleInfo go_build_depends_missing{
    .id = "go-build-depends-missing",
    .severity = ir::Severity::Warning,
    .summary = "debian.rules builds go code but debian.control names no go compiler",
    .origin = Origin::Package,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a package directory whose `debian.rules` (or `debian/rules`) builds Go code (it sets `GOROOT`, `GOPATH` or `DH_GOPKG`, uses dh's `golang` build system or addon, or runs `go build` or `go install`) while the `Build-Depends` of `debian.control` name no Go compiler (`golang-any`, `golang-go`, `golang-X.Y-go`, `gccgo`). The finding is at the first such line of the rules file, with a note at `Build-Depends`.)md",
             .why = R"md(Without the compiler in `Build-Depends` the build uses whatever Go the build environment happens to have, or one the package brings itself: Kata's `debian.rules` put a bundled Go binary distribution in front of `PATH`, which on Ubuntu overrode the distribution's golang, and its `debian.control` named no golang package at all. Debian's Go team builds with `dh-golang` and `golang-any`.)md",
             .example = R"md(debian.rules:    export GOPATH=$(CURDIR)/_build
debian.control:  Build-Depends: debhelper (>= 9), git
)md",
             .use_instead = R"md(debian.rules:    export GOPATH=$(CURDIR)/_build
debian.control:  Build-Depends: debhelper (>= 9), dh-golang, golang-any, git
)md",
             .fix_safety = R"md(No fix: which Go version the package needs is in its go.mod.)md",
             .reference = R"md(Debian Go Packaging Team policy (`dh-golang`, `golang-any`); Debian Policy 7.7 (build dependencies); shared docs kata-findings.md, finding 3.)md",
             .not_runnable = "it compares several files of one package directory; tests/unit/obs_submission_test.cpp runs it"},
};

}  // namespace katalint::rules
