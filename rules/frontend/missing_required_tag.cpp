// missing-required-tag: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo missing_required_tag;  // listed in rules/rules.def
constinit const RuleInfo missing_required_tag{
    .id = "missing-required-tag",
    .severity = ir::Severity::Error,
    .summary = "the main package has no Name, Version or Release",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a main package without `Name:`, `Version:` or `Release:`.)md",
             .why = R"md(rpm stops: these tags make up the package's identity.)md",
             .example = R"md(Name:           example
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
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`checkForRequired`).)md"},
};

}  // namespace katalint::rules
