// unbalanced-macro-brace: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unbalanced_macro_brace;  // listed in rules/rules.def
constinit const RuleInfo unbalanced_macro_brace{
    .id = "unbalanced-macro-brace",
    .severity = ir::Severity::Error,
    .summary = "a %{, %( or %[ that is never closed",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%{`, `%(` or `%[` without its closing bracket.)md",
             .why = R"md(rpm reads on to the end of the file looking for it (`unclosed macro or bad line continuation`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Provides:       %{name

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
Provides:       %{name}-tools

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c` (`copyNextLineFromOFI`).)md"},
};

}  // namespace katalint::rules
