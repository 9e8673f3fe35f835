// opaque-macro-value: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo opaque_macro_value;  // listed in rules/rules.def
constinit const RuleInfo opaque_macro_value{
    .id = "opaque-macro-value",
    .severity = ir::Severity::Info,
    .summary = "a value depends on %(...) or %{lua:} output, which katalint does not compute",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Notes that a value katalint needs comes from `%(...)`, `%{lua:}` or the build host, so katalint does not know it.)md",
             .why = R"md(katalint never runs code from a spec; checks that need this value are skipped or approximate.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%{load:%(rpm --eval %%{_rpmconfigdir})/macros.extra}

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
             .fix_safety = R"md(No fix.)md",
             .reference = R"md(docs/macro-engine.md (opaque values).)md"},
};

}  // namespace katalint::rules
