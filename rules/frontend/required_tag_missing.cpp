// required-tag-missing: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo required_tag_missing;  // listed in rules/rules.def
constinit const RuleInfo required_tag_missing{
    .id = "required-tag-missing",
    .severity = ir::Severity::Error,
    .summary = "a package lacks Name, Version, Release, Summary, License or %description",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .aliases = "missing-required-tag missing-description no-name-tag no-version-tag no-release-tag no-summary-tag "
               "no-description-tag",
    .doc = {.what = R"md(Reports a main package without `Name:`, `Version:`, `Release:`, `Summary:` or `License:`, a `%package` without `Summary:` (the other tags are inherited from the main package), and a package of either kind without `%description`.)md",
             .why = R"md(rpm stops with `Summary field must be present in package` or `Package has no %description`: these tags make up the package's identity and what a user sees before installing it.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package        devel
Requires:       %{name} = %{version}

%description    devel
Files to build against example.

%files

%files devel
)md",
             .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%package        devel
Summary:        Headers for example
Requires:       %{name} = %{version}

%description    devel
Files to build against example.

%files

%files devel
)md",
             .fix_safety = R"md(katalint offers no fix: only the packager knows the summary, licence or description.)md",
             .reference = R"md(rpm 4.18 `build/parsePreamble.c` (`checkForRequired`: Name, Version, Release, Summary, License) and `build/parseSpec.c` (`Package has no %description`); rpmlint `no-name-tag`, `no-version-tag`, `no-release-tag`, `no-summary-tag`, `no-description-tag`.)md"},
};

}  // namespace katalint::rules
