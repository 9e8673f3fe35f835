// macro-unused-in-scope: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_unused_in_scope;  // listed in rules/rules.def
constinit const RuleInfo macro_unused_in_scope{
    .id = "macro-unused-in-scope",
    .severity = ir::Severity::Warning,
    .summary = "a macro defined inside a parametric macro is never used there",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a macro defined inside a parametric macro call that is gone when the call returns without having been used.)md",
             .why = R"md(rpm warns (`Macro %inner defined but not used within scope`); the definition has no effect.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define outer() %{define inner 1}done
Provides:       example-%{outer}

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
%define outer() %{define inner 1}%{inner}
Provides:       example-%{outer}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `rpmio/macro.c` (`freeArgs`).)md"},
};

}  // namespace katalint::rules
