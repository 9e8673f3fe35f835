// debian-rules-sets-deb-build-options: a debian/rules that assigns DEB_BUILD_OPTIONS.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  report_assignments(ctx, out, "DEB_BUILD_OPTIONS", "debian/rules overrides DEB_BUILD_OPTIONS, which belongs to whoever runs the build");
}

}  // namespace

extern const RuleInfo debian_rules_sets_deb_build_options;  // listed in rules/rules.def
constinit const RuleInfo debian_rules_sets_deb_build_options{
    .id = "debian-rules-sets-deb-build-options",
    .severity = ir::Severity::Warning,
    .summary = "a debian/rules that assigns DEB_BUILD_OPTIONS",
    .kinds = kind_bit(frontend::FileKind::DebianRules),
    .aliases = "debian-rules-sets-DEB_BUILD_OPTIONS",
    .doc = {.what = R"md(Reports an assignment to `DEB_BUILD_OPTIONS` in `debian/rules` (a conditional `?=` is left alone).)md",
             .why = R"md(DEB_BUILD_OPTIONS is how the builder asks for `nocheck`, `parallel=N` or `nostrip`; setting it in the package overrides that choice. Kata's OBS rules had `export DEB_BUILD_OPTIONS=nocheck`. Skip tests with an `override_dh_auto_test` guarded by `nocheck` instead. lintian reports `debian-rules-sets-DEB_BUILD_OPTIONS`.)md",
             .example = R"md(#!/usr/bin/make -f

export DH_VERBOSE = 1
export DEB_BUILD_OPTIONS = nocheck

%:
	dh $@

override_dh_auto_test:
ifeq (,$(filter nocheck,$(DEB_BUILD_OPTIONS)))
	$(MAKE) check
endif
)md",
             .use_instead = R"md(#!/usr/bin/make -f

export DH_VERBOSE = 1

%:
	dh $@

override_dh_auto_test:
ifeq (,$(filter nocheck,$(DEB_BUILD_OPTIONS)))
	$(MAKE) check
endif
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 4.9.1; lintian `debian-rules-sets-DEB_BUILD_OPTIONS`; rules-debian.md DEB-U003.)md",
             .example_file = "debian/rules"},
    .check = check,
};

}  // namespace katalint::rules
