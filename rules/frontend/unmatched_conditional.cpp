// unmatched-conditional: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unmatched_conditional;  // listed in rules/rules.def
constinit const RuleInfo unmatched_conditional{
    .id = "unmatched-conditional",
    .severity = ir::Severity::Error,
    .summary = "an %else, %elif or %endif with no open %if",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports `%else`, `%elif` or `%endif` with no `%if` open.)md",
             .why = R"md(rpm stops with `%endif with no %if`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
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
Requires:       bash

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
