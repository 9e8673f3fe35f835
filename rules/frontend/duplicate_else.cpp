// duplicate-else: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo duplicate_else;  // listed in rules/rules.def
constinit const RuleInfo duplicate_else{
    .id = "duplicate-else",
    .severity = ir::Severity::Error,
    .summary = "a second %else, or an %elif after %else, in one conditional",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a second `%else`, or an `%elif` after `%else`, in one `%if` block. A note points at the first `%else`.)md",
             .why = R"md(rpm stops with `%else after %else` or `%elif after %else`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%if 0%{?suse_version}
Requires:       bash
%else
Requires:       dash
%else
Requires:       zsh
%endif

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

%if 0%{?suse_version}
Requires:       bash
%elif 0%{?fedora}
Requires:       dash
%else
Requires:       zsh
%endif

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
