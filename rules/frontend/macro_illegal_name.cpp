// macro-illegal-name: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_illegal_name;  // listed in rules/rules.def
constinit const RuleInfo macro_illegal_name{
    .id = "macro-illegal-name",
    .severity = ir::Severity::Error,
    .summary = "a macro name rpm rejects (too short, a digit first, a built-in)",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%define`, `%global` or `%undefine` of a name that is not a valid macro name or that names a built-in.)md",
             .why = R"md(rpm rejects the definition (`Macro %1st has illegal name`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global 1st one

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
%global first one

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `rpmio/macro.c` (`doDefine`, `validName`).)md"},
};

}  // namespace katalint::rules
