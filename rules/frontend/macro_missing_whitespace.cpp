// macro-missing-whitespace: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_missing_whitespace;  // listed in rules/rules.def
constinit const RuleInfo macro_missing_whitespace{
    .id = "macro-missing-whitespace",
    .severity = ir::Severity::Warning,
    .summary = "no whitespace between a macro name and its body",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%define` whose name or options run straight into the body, e.g. `%define foo(a)bar`.)md",
             .why = R"md(rpm warns (`Macro %foo needs whitespace before body`) and the intent is unclear.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define with_opt(a)-%{-a}

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
%define with_opt(a) -%{-a}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `rpmio/macro.c` (`doDefine`).)md"},
};

}  // namespace katalint::rules
