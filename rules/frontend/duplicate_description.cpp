// duplicate-description: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo duplicate_description;  // listed in rules/rules.def
constinit const RuleInfo duplicate_description{
    .id = "duplicate-description",
    .severity = ir::Severity::Warning,
    .summary = "a package has a second %description",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a second `%description` for the same package.)md",
             .why = R"md(rpm keeps only one of them; the other text is lost.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%description
Another text.

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
             .reference = R"md(rpm 4.18 `build/parseDescription.c`.)md"},
};

}  // namespace katalint::rules
