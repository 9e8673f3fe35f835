// include-recursion: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo include_recursion;  // listed in rules/rules.def
constinit const RuleInfo include_recursion{
    .id = "include-recursion",
    .severity = ir::Severity::Error,
    .summary = "%include nests too deeply, usually a file that includes itself",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports an `%include` chain deeper than rpm allows, which in practice is a file including itself.)md",
             .why = R"md(rpm stops with a recursion error instead of building.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%include example.spec

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

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c` (`%include`).)md"},
};

}  // namespace katalint::rules
