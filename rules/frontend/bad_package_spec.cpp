// bad-package-spec: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_package_spec;  // listed in rules/rules.def
constinit const RuleInfo bad_package_spec{
    .id = "bad-package-spec",
    .severity = ir::Severity::Error,
    .summary = "a %package line without exactly one name",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a `%package` line with no name or with more than one.)md",
             .why = R"md(rpm stops with `Bad package specification`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%package tools extra
Summary:        Tools

%description tools
Tools.

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
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`Bad package specification`).)md"},
};

}  // namespace katalint::rules
