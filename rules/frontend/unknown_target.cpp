// unknown-target: reported by frontend/analyze.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unknown_target;  // listed in rules/rules.def
constinit const RuleInfo unknown_target{
    .id = "unknown-target",
    .severity = ir::Severity::Error,
    .summary = "the target profile does not exist",
    .origin = Origin::Frontend,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a `--target` (or `target` in the configuration) that names no profile. `katalint --target help` lists nothing; see data/profiles.)md",
             .why = R"md(Without a profile, katalint cannot evaluate the spec.)md",
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
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(docs/profiles.md.)md",
             .example_target = "no-such-distribution"},
};

}  // namespace katalint::rules
