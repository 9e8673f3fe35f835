// macro-empty-body: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_empty_body;  // listed in rules/rules.def
constinit const RuleInfo macro_empty_body{
    .id = "macro-empty-body",
    .severity = ir::Severity::Error,
    .summary = "a macro definition has an empty body",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%define` or `%global` with a name and no body.)md",
             .why = R"md(rpm rejects the definition (`Macro %foo has empty body`); use `%{nil}` for an empty value.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define debug_package

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
%define debug_package %{nil}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `rpmio/macro.c` (`doDefine`).)md"},
};

}  // namespace katalint::rules
