// orphan-line: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo orphan_line;  // listed in rules/rules.def
constinit const RuleInfo orphan_line{
    .id = "orphan-line",
    .severity = ir::Severity::Error,
    .summary = "a line after %end that belongs to no section",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a line after `%end` that is not a section header.)md",
             .why = R"md(rpm stops with `line doesn't belong to any section`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%end
/usr/bin/example
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
/usr/bin/example
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
