// bad-epoch: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_epoch;  // listed in rules/rules.def
constinit const RuleInfo bad_epoch{
    .id = "bad-epoch",
    .severity = ir::Severity::Error,
    .summary = "an Epoch that is not an unsigned number",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports an `Epoch:` whose value is not an unsigned integer.)md",
             .why = R"md(rpm rejects the spec (`Epoch field must be an unsigned number`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Epoch:          one

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
Epoch:          1

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`; Fedora Packaging Guidelines, "Epoch".)md"},
};

}  // namespace katalint::rules
