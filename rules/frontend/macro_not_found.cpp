// macro-not-found: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_not_found;  // listed in rules/rules.def
constinit const RuleInfo macro_not_found{
    .id = "macro-not-found",
    .severity = ir::Severity::Error,
    .summary = "%{macrobody:} names an undefined macro",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports `%{macrobody:NAME}` for a macro that is not defined.)md",
             .why = R"md(rpm fails the expansion (`no such macro`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global saved %{macrobody:no_such_macro}

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
%global saved %{macrobody:_prefix}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (`%{macrobody:}`).)md"},
};

}  // namespace katalint::rules
