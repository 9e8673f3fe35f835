// duplicate-section: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo duplicate_section;  // listed in rules/rules.def
constinit const RuleInfo duplicate_section{
    .id = "duplicate-section",
    .severity = ir::Severity::Error,
    .summary = "a build section such as %build appears twice",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a second `%prep`, `%build`, `%install`, `%check` or `%clean`.)md",
             .why = R"md(rpm stops with `second %build`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%build
make

%build
make docs
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

%build
make
make docs
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseBuildInstallClean.c`.)md"},
};

}  // namespace katalint::rules
