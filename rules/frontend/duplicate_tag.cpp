// duplicate-tag: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo duplicate_tag;  // listed in rules/rules.def
constinit const RuleInfo duplicate_tag{
    .id = "duplicate-tag",
    .severity = ir::Severity::Error,
    .summary = "a tag that may appear once is repeated",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a second `BuildArch:` in the main package and other tags rpm accepts only once.)md",
             .why = R"md(rpm stops with `duplicate BuildArch entry`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      noarch
BuildArch:      noarch

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
BuildArch:      noarch

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`.)md"},
};

}  // namespace katalint::rules
