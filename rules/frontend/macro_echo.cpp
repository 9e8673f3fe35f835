// macro-echo: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_echo;  // listed in rules/rules.def
constinit const RuleInfo macro_echo{
    .id = "macro-echo",
    .severity = ir::Severity::Info,
    .summary = "message printed by %{echo:}",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Shows the text of an `%{echo:...}` that was expanded.)md",
             .why = R"md(rpm prints it while parsing; katalint shows it at the place it came from.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%{echo:building the example}

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
             .fix_safety = R"md(No fix: the message is informational.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (`%{echo:}`).)md"},
};

}  // namespace katalint::rules
