// illegal-character: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo illegal_character;  // listed in rules/rules.def
constinit const RuleInfo illegal_character{
    .id = "illegal-character",
    .severity = ir::Severity::Error,
    .summary = "a Version or Release with a character rpm does not allow",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `Version:` or `Release:` that contains `-`, a character outside rpm's set, or `..`.)md",
             .why = R"md(rpm stops with `Illegal char '-'`: the dash separates version and release in a package's EVR.)md",
             .example = R"md(Name:           example
Version:        1.0-rc1
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
             .use_instead = R"md(Name:           example
Version:        1.0~rc1
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`rpmCharCheck`); rpm `doc/manual/spec.md` (Version).)md"},
};

}  // namespace katalint::rules
