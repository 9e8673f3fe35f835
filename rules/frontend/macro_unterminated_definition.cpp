// macro-unterminated-definition: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_unterminated_definition;  // listed in rules/rules.def
constinit const RuleInfo macro_unterminated_definition{
    .id = "macro-unterminated-definition",
    .severity = ir::Severity::Error,
    .summary = "a macro definition's options or body are not closed",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%define` whose option list `(...)` or braced body is not closed.)md",
             .why = R"md(rpm rejects the definition (`Macro %opt has unterminated opts`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define opt(a -%{-a}

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
%define opt(a) -%{-a}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `rpmio/macro.c` (`doDefine`).)md"},
};

}  // namespace katalint::rules
