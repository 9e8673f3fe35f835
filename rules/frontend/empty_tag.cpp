// empty-tag: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo empty_tag;  // listed in rules/rules.def
constinit const RuleInfo empty_tag{
    .id = "empty-tag",
    .severity = ir::Severity::Error,
    .summary = "a preamble tag with no value",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a tag line with nothing after the colon.)md",
             .why = R"md(rpm stops with `Empty tag`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Group:

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
Group:          Development/Tools

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`.)md"},
};

}  // namespace katalint::rules
