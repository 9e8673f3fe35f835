// unused-suppression: reported by rules/engine.cpp for `# katalint: disable=` comments that hide nothing.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unused_suppression;  // listed in rules/rules.def
constinit const RuleInfo unused_suppression{
    .id = "unused-suppression",
    .severity = ir::Severity::Warning,
    .summary = "a katalint suppression comment hides nothing, or cannot be read",
    .origin = Origin::Engine,
    .kinds = kAnyFile,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a `# katalint: disable=...` or `# katalint: disable-file=...` comment that names a rule which reported nothing there, names no known rule, or is malformed.

Only rules that ran count: a suppression for a rule that is off for this target (or ignored in the configuration, or not for this kind of file) is left alone, so one spec can serve several targets.)md",
            .why = R"md(A suppression outlives the problem it hid. Left in place, it would hide the next real finding on that line without anyone noticing.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
# katalint: disable=build-system-tag the Packager tag is gone
BuildRequires:  make

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
BuildRequires:  make

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: the fix deletes the comment (the whole line when the comment stands alone), or only the unused names when others in the list are still needed. Nothing rpm reads changes.)md",
            .reference = R"md(ruff `RUF100` (unused-noqa); rpmlint's `unused-rpmlintrc-filter`.)md"},
};

}  // namespace katalint::rules
