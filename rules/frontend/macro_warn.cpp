// macro-warn: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_warn;  // listed in rules/rules.def
constinit const RuleInfo macro_warn{
    .id = "macro-warn",
    .severity = ir::Severity::Warning,
    .summary = "message printed by %{warn:}",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Shows the text of a `%{warn:...}` that was expanded.)md",
             .why = R"md(rpm prints it as a warning while parsing; katalint shows it at its place.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%{warn:this spec is deprecated}

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

%description
An example package.

%files
)md",
             .fix_safety = R"md(No fix.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (`%{warn:}`).)md"},
};

}  // namespace katalint::rules
