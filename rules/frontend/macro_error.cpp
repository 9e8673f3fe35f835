// macro-error: reported by frontend/rpmspec/macro_engine.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo macro_error;  // listed in rules/rules.def
constinit const RuleInfo macro_error{
    .id = "macro-error",
    .severity = ir::Severity::Error,
    .summary = "%{error:} was expanded, which makes rpm fail",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports an `%{error:...}` that expands for this target.)md",
             .why = R"md(rpm prints the message and fails the parse: the spec does not build on this target.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%if 0%{?suse_version}
%{error:this package is not for SUSE}
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

%if 0%{?rhel}
%{error:this package is not for RHEL}
%endif

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm `doc/manual/macros.md` (`%{error:}`).)md",
             .example_target = "opensuse-tumbleweed"},
};

}  // namespace katalint::rules
