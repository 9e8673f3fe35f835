// unknown-tag: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unknown_tag;  // listed in rules/rules.def
constinit const RuleInfo unknown_tag{
    .id = "unknown-tag",
    .severity = ir::Severity::Error,
    .summary = "a preamble line that is not a tag rpm knows",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a preamble `Tag:` whose name is not one of rpm's tags.)md",
             .why = R"md(rpm stops with `Unknown tag`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requieres:      bash

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
Requires:       bash

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`preambleList`).)md"},
};

}  // namespace katalint::rules
