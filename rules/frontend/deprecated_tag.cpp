// deprecated-tag: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deprecated_tag;  // listed in rules/rules.def
constinit const RuleInfo deprecated_tag{
    .id = "deprecated-tag",
    .severity = ir::Severity::Warning,
    .summary = "a tag that rpm deprecates (PreReq, BuildPreReq)",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports the `PreReq:` and `BuildPreReq:` tags.)md",
             .why = R"md(rpm treats them as `Requires(pre,post):` and `BuildRequires:` and warns that they are deprecated; Fedora forbids them.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
PreReq:         bash

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
Requires(pre):  bash

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`; Fedora Packaging Guidelines ("PreReq MUST NOT be used"); rpmlint `prereq-use`.)md"},
};

}  // namespace katalint::rules
