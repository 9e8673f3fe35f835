// debian-rules-syntax: reported by frontend/debian/rules.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo debian_rules_syntax;  // listed in rules/rules.def
constinit const RuleInfo debian_rules_syntax{
    .id = "debian-rules-syntax",
    .severity = ir::Severity::Error,
    .summary = "a debian/rules line make would reject",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianRules),
    .doc = {.what = R"md(Reports a `debian/rules` line that is not a rule, an assignment, a directive or a recipe line, and recipe lines before the first target.)md",
             .why = R"md(make stops with `missing separator`.)md",
             .example = R"md(#!/usr/bin/make -f
%:
	dh $@
override_dh_auto_test
	echo skipped
)md",
             .use_instead = R"md(#!/usr/bin/make -f
%:
	dh $@
override_dh_auto_test:
	echo skipped
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(GNU make manual; Debian Policy 4.9 (debian/rules).)md",
             .example_file = "debian/rules"},
};

}  // namespace katalint::rules
