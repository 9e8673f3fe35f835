// macro-unknown-option: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_unknown_option;  // listed in rules/rules.def
constinit const RuleInfo macro_unknown_option{
    .id = "macro-unknown-option",
    .severity = ir::Severity::Error,
    .summary = "a parametric macro gets an option it does not declare",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a call of a parametric macro with an option that is not in its option string.)md",
             .why = R"md(rpm fails the expansion (`Unknown option b in opt(a)`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define opt(a) %{-a:-a given}
Provides:       %{opt -b}

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
%define opt(a) %{-a:-a given}
Provides:       %{opt -a}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (parametric macros).)md"},
};

}  // namespace katalint::rules
