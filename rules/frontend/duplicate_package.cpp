// duplicate-package: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo duplicate_package;  // listed in rules/rules.def
constinit const RuleInfo duplicate_package{
    .id = "duplicate-package",
    .severity = ir::Severity::Error,
    .summary = "two %package sections with the same name",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%package` whose full name is already declared.)md",
             .why = R"md(rpm stops with `Package already exists`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%package tools
Summary:        Tools

%description tools
Tools.

%package tools
Summary:        More tools

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

%package tools
Summary:        Tools

%description tools
Tools.

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c`.)md"},
};

}  // namespace katalint::rules
