// macro-builtin-arguments: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_builtin_arguments;  // listed in rules/rules.def
constinit const RuleInfo macro_builtin_arguments{
    .id = "macro-builtin-arguments",
    .severity = ir::Severity::Error,
    .summary = "a built-in macro gets an argument it does not take, or none",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a built-in macro such as `%{dirname:}` or `%{basename:}` called without the argument it needs, or with one it does not take.)md",
             .why = R"md(rpm fails the expansion.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global topdir %{dirname}

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
%global topdir %{dirname:/usr/share/example}

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (built-in macros).)md"},
};

}  // namespace katalint::rules
