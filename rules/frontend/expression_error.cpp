// expression-error: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo expression_error;  // listed in rules/rules.def
constinit const RuleInfo expression_error{
    .id = "expression-error",
    .severity = ir::Severity::Error,
    .summary = "an rpm expression (%[ ], %{expr:}) does not evaluate",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%[ ]` or `%{expr:}` expression that does not parse or evaluate.)md",
             .why = R"md(rpm fails the expansion and the spec does not parse.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        %[1 +]
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
             .use_instead = R"md(Name:           example
Version:        1.0
Release:        %[1 + 1]
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (expression expansion); rpm 4.18 `rpmio/expression.c`.)md"},
};

}  // namespace katalint::rules
