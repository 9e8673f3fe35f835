// missing-description: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo missing_description;  // listed in rules/rules.def
constinit const RuleInfo missing_description{
    .id = "missing-description",
    .severity = ir::Severity::Error,
    .summary = "a package has no %description",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a package (main or `%package`) without a `%description`.)md",
             .why = R"md(rpmbuild stops with `Package has no %description`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%package tools
Summary:        Tools

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
             .reference = R"md(rpm 4.18 `build/parseSpec.c` (`checkForRequired`).)md"},
};

}  // namespace katalint::rules
