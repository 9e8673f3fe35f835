// macro-load-failed: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_load_failed;  // listed in rules/rules.def
constinit const RuleInfo macro_load_failed{
    .id = "macro-load-failed",
    .severity = ir::Severity::Error,
    .summary = "%{load:} names a macro file that cannot be read",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports `%{load:FILE}` for a file that does not exist or cannot be read.)md",
             .why = R"md(rpm fails the parse (`failed to load macro file`).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%{load:%{_sourcedir}/macros.missing}

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
             .reference = R"md(rpm `doc/manual/macros.md` (`%{load:}`).)md"},
};

}  // namespace katalint::rules
