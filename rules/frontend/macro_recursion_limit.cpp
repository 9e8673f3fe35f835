// macro-recursion-limit: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_recursion_limit;  // listed in rules/rules.def
constinit const RuleInfo macro_recursion_limit{
    .id = "macro-recursion-limit",
    .severity = ir::Severity::Error,
    .summary = "macro expansion nests deeper than rpm allows (64 levels)",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a macro expansion that nests more than 64 levels deep, usually a macro that refers to itself.)md",
             .why = R"md(rpm stops with `Too many levels of recursion in macro expansion`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global pkgsuffix %{pkgsuffix}-x
Provides:       example%{pkgsuffix}

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
%global pkgsuffix -x
Provides:       example%{pkgsuffix}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `rpmio/macro.c` (`max_macro_depth`).)md"},
};

}  // namespace katalint::rules
