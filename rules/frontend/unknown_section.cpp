// unknown-section: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unknown_section;  // listed in rules/rules.def
constinit const RuleInfo unknown_section{
    .id = "unknown-section",
    .severity = ir::Severity::Error,
    .summary = "a %word line in the preamble that is neither a section nor a defined macro",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a preamble line starting with `%word` where `word` is neither a section keyword nor a defined macro (often a misspelt section).)md",
             .why = R"md(rpm stops with `Unknown tag` on the line.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%frobnicate

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

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
