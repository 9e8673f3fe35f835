// malformed-tag: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo malformed_tag;  // listed in rules/rules.def
constinit const RuleInfo malformed_tag{
    .id = "malformed-tag",
    .severity = ir::Severity::Error,
    .summary = "a preamble line that rpm rejects: not 'Tag: value', indented or empty",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a preamble line rpm cannot read as a tag: no colon, a tag that takes one token given several, a bad BuildArch list.)md",
             .why = R"md(rpm stops with `Unknown tag`, `tag takes single token only` or a similar error.)md",
             .example = R"md(Name:           example
Version:        1.0 2.0
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
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`.)md"},
};

}  // namespace katalint::rules
