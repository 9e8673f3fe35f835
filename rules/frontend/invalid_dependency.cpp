// invalid-dependency: reported by frontend/rpmspec/dependencies.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo invalid_dependency;  // listed in rules/rules.def
constinit const RuleInfo invalid_dependency{
    .id = "invalid-dependency",
    .severity = ir::Severity::Error,
    .summary = "a dependency tag value is one rpm rejects",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a dependency that rpm cannot parse: an operator without a version, a version without a name, an unbalanced rich dependency.)md",
             .why = R"md(rpm stops with `Bad Requires:` (or the tag's name).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires:       bash >=

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
Requires:       bash >= 5

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseReqs.c`; rpm `doc/manual/boolean_dependencies.md`.)md"},
};

}  // namespace katalint::rules
