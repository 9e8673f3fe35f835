// duplicate-source: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo duplicate_source;  // listed in rules/rules.def
constinit const RuleInfo duplicate_source{
    .id = "duplicate-source",
    .severity = ir::Severity::Error,
    .summary = "two Source or Patch tags with the same number",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `SourceN:` or `PatchN:` whose number is already used.)md",
             .why = R"md(rpm stops with `source N defined multiple times`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        example-1.0.tar.gz
Source0:        example-data.tar.gz

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
Source0:        example-1.0.tar.gz
Source1:        example-data.tar.gz

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`.)md"},
};

}  // namespace katalint::rules
