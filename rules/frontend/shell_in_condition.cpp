// shell-in-condition: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo shell_in_condition;  // listed in rules/rules.def
constinit const RuleInfo shell_in_condition{
    .id = "shell-in-condition",
    .severity = ir::Severity::Info,
    .summary = "an %if condition depends on %(...) or lua output that katalint does not run",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Notes an `%if` whose value depends on shell or Lua output.)md",
             .why = R"md(katalint does not run code from a spec; it lints both branches as if either could be taken.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%if %(test -e /etc/os-release && echo 1 || echo 0)
Requires:       bash
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
%endif

%description
An example package.

%files
)md",
             .fix_safety = R"md(No fix.)md",
             .reference = R"md(docs/macro-engine.md (opaque values).)md"},
};

}  // namespace katalint::rules
