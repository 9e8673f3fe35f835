// internal-error: reported by cli/lint.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo internal_error;  // listed in rules/rules.def
constinit const RuleInfo internal_error{
    .id = "internal-error",
    .severity = ir::Severity::Error,
    .summary = "katalint failed on this input; please report it",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports that katalint itself failed while reading this file.)md",
             .why = R"md(The file was not checked; the failure is a katalint bug, not a problem in the file.)md",
             .example = R"md(Name:           example
Version:        1.0
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
             .fix_safety = R"md(No fix: report the input that caused it.)md",
             .reference = R"md(The katalint issue tracker.)md",
             .not_runnable = "no file content causes it; it marks a katalint bug"},
};

}  // namespace katalint::rules
