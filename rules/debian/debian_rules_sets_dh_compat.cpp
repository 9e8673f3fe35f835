// debian-rules-sets-dh-compat: a debian/rules that assigns DH_COMPAT.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  report_assignments(ctx, out, "DH_COMPAT", "set the debhelper compatibility level with debhelper-compat (= N) in Build-Depends, not DH_COMPAT");
}

}  // namespace

extern const RuleInfo debian_rules_sets_dh_compat;  // listed in rules/rules.def
constinit const RuleInfo debian_rules_sets_dh_compat{
    .id = "debian-rules-sets-dh-compat",
    .severity = ir::Severity::Warning,
    .summary = "a debian/rules that assigns DH_COMPAT",
    .kinds = kind_bit(frontend::FileKind::DebianRules),
    .aliases = "debian-rules-sets-DH_COMPAT",
    .doc = {.what = R"md(Reports an assignment to `DH_COMPAT` in `debian/rules`.)md",
             .why = R"md(The compatibility level belongs in `Build-Depends: debhelper-compat (= N)`, where lintian, dh and other tools read it; DH_COMPAT in the environment overrides it behind their back. lintian reports `debian-rules-sets-DH_COMPAT`.)md",
             .example = R"md(#!/usr/bin/make -f

export DH_VERBOSE = 1
export DH_COMPAT = 9

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
             .reference = R"md(debhelper(7); lintian `debian-rules-sets-DH_COMPAT`; rules-debian.md DEB-U003.)md",
             .example_file = "debian/rules"},
    .check = check,
};

}  // namespace katalint::rules
