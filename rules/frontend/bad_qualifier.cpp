// bad-qualifier: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_qualifier;  // listed in rules/rules.def
constinit const RuleInfo bad_qualifier{
    .id = "bad-qualifier",
    .severity = ir::Severity::Error,
    .summary = "a Requires qualifier that rpm does not know",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a dependency tag qualifier such as `Requires(bogus):` that is not one of rpm's (`pre`, `post`, `preun`, `postun`, `pretrans`, `posttrans`, `verify`, `interp`, `meta`, ...).)md",
             .why = R"md(rpm rejects the tag (`Bad Requires: qualifiers`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires(install): bash

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
Requires(post): bash

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseReqs.c`; rpm `doc/manual/more_dependencies.md`.)md"},
};

}  // namespace katalint::rules
