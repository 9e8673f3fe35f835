// unterminated-if: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unterminated_if;  // listed in rules/rules.def
constinit const RuleInfo unterminated_if{
    .id = "unterminated-if",
    .severity = ir::Severity::Error,
    .summary = "an %if with no matching %endif before the end of the file",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports an `%if` (or `%ifarch`, ...) that is still open at the end of the file. The location is the opening line.)md",
             .why = R"md(rpm stops with `Unclosed %if`.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%if 0%{?suse_version}
Requires:       bash

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
%endif

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
