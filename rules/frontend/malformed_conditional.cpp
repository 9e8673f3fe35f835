// malformed-conditional: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo malformed_conditional;  // listed in rules/rules.def
constinit const RuleInfo malformed_conditional{
    .id = "malformed-conditional",
    .severity = ir::Severity::Error,
    .summary = "an %ifarch, %ifos or similar conditional without an argument",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports `%ifarch`, `%ifnarch`, `%ifos`, `%ifnos`, `%elifarch` or `%elifos` without an argument.)md",
             .why = R"md(rpm stops with `argument expected for %ifarch`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%ifarch 
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

%ifarch x86_64
Requires:       bash
%endif

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
