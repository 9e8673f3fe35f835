// changelog-syntax: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo changelog_syntax;  // listed in rules/rules.def
constinit const RuleInfo changelog_syntax{
    .id = "changelog-syntax",
    .severity = ir::Severity::Error,
    .summary = "a %changelog line before the first '*' entry",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports text in `%changelog` before the first entry header (a line starting with `*`).)md",
             .why = R"md(rpm rejects the changelog (`%changelog entries must start with *`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
- fixed the build
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

%changelog
* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-0
- fixed the build
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseChangelog.c`.)md"},
};

}  // namespace katalint::rules
