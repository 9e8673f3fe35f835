// macro-definition-failed: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_definition_failed;  // listed in rules/rules.def
constinit const RuleInfo macro_definition_failed{
    .id = "macro-definition-failed",
    .severity = ir::Severity::Error,
    .summary = "the body of a %global does not expand",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%global` whose body fails to expand when it is defined.)md",
             .why = R"md(rpm expands `%global` bodies at once and fails the spec when that expansion fails.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global major %[1 +]

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
%global major %[1 + 1]

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (`%global`); rpm 4.18 `rpmio/macro.c` (`doDefine`).)md"},
};

}  // namespace katalint::rules
