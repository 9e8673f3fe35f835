// spec-parse-error: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo spec_parse_error;  // listed in rules/rules.def
constinit const RuleInfo spec_parse_error{
    .id = "spec-parse-error",
    .severity = ir::Severity::Error,
    .summary = "rpm rejects the spec for this target",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a spec that rpm rejects as a whole for this target, e.g. because no `BuildArch` is compatible with it.)md",
             .why = R"md(rpmbuild fails before anything is built.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildArch:      s390 ppc

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
BuildArch:      noarch

%description
An example package.

%files
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseSpec.c`.)md"},
};

}  // namespace katalint::rules
