// unbound-placeholder: reported by frontend/placeholders.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unbound_placeholder;  // listed in rules/rules.def
constinit const RuleInfo unbound_placeholder{
    .id = "unbound-placeholder",
    .severity = ir::Severity::Warning,
    .summary = "an OBS template placeholder has no value",
    .origin = Origin::Frontend,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports an `@KEY@` placeholder in an OBS template (`*-template`, `*.in`) that `--set` or `--values` does not bind.)md",
             .why = R"md(The generated file keeps the literal `@KEY@`, which OBS then builds.)md",
             .example = R"md(Name:           example
Version:        @VERSION@
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

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
             .reference = R"md(docs/kata-findings.md (UNBOUND-PLACEHOLDER); `katalint --set KEY=VALUE`.)md",
             .example_file = "example.spec-template"},
};

}  // namespace katalint::rules
