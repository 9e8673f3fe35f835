// bad-source-number: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_source_number;  // listed in rules/rules.def
constinit const RuleInfo bad_source_number{
    .id = "bad-source-number",
    .severity = ir::Severity::Error,
    .summary = "a Source, Patch, NoSource or NoPatch number that is not valid",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `SourceN:`/`PatchN:` tag whose N is not a number, and `NoSource`/`NoPatch` values that are not numbers.)md",
             .why = R"md(rpm rejects the spec (`Bad source` / `Bad patch`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source1a:       extra.tar.gz

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
Source1:        extra.tar.gz

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`addSource`).)md"},
};

}  // namespace katalint::rules
