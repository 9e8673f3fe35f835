// bad-condition: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_condition;  // listed in rules/rules.def
constinit const RuleInfo bad_condition{
    .id = "bad-condition",
    .severity = ir::Severity::Error,
    .summary = "an %if or %elif expression that rpm cannot evaluate",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports an `%if` or `%elif` whose expression does not parse or does not evaluate, such as an operator without its second operand.)md",
             .why = R"md(rpmbuild stops with `bad %if condition` and the package does not build on any target.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%if 0%{?suse_version} >=
Requires:       bash
%endif

%description
An example package.

%files
)md",
             .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%if 0%{?suse_version} >= 1500
Requires:       bash
%endif

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c` (`bad %s condition`); expression syntax in rpm's `doc/manual/macros.md`.)md"},
};

}  // namespace katalint::rules
