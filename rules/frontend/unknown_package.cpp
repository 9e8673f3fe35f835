// unknown-package: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unknown_package;  // listed in rules/rules.def
constinit const RuleInfo unknown_package{
    .id = "unknown-package",
    .severity = ir::Severity::Error,
    .summary = "a section names a package that was never declared",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports `%description`, `%files` or a scriptlet for a package that has no `%package`.)md",
             .why = R"md(rpm stops with `package does not exist`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%files -n example-tools
)md",
             .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%package -n example-tools
Summary:        Tools

%description -n example-tools
Tools.

%description
An example package.

%files

%files -n example-tools
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseFiles.c`, `build/parseDescription.c`.)md"},
};

}  // namespace katalint::rules
