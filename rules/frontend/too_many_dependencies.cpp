// too-many-dependencies: reported by frontend/rpmspec/dependencies.cpp, the spec evaluator and
// frontend/debian (relations.cpp, control.cpp); the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo too_many_dependencies;  // listed in rules/rules.def
constinit const RuleInfo too_many_dependencies{
    .id = "too-many-dependencies",
    .severity = ir::Severity::Warning,
    .summary = "a field or a file lists more dependencies than katalint reads",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::Spec) | kind_bit(frontend::FileKind::DebianControl) |
             kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a dependency field with more than 10,000 entries, or a spec, `debian/control` or `.dsc` with more than 50,000 in all. katalint reads the dependencies up to the limit and drops the rest, so checks on them see only part of the list.)md",
             .why = R"md(Real packages list a few dozen dependencies per field and a few hundred per file. Millions of them are a generated or hostile file, and holding them all would take gigabytes of memory (docs/reliability.md).)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Requires:       dep-1 dep-2 dep-3 (and so on, past 10,000 names)

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
Requires:       dep-1 dep-2 dep-3

%description
An example package.

%files
)md",
             .fix_safety = R"md(No fix.)md",
             .reference = R"md(docs/reliability.md (limits).)md",
             .not_runnable = "the example would list more than 10,000 dependencies"},
};

}  // namespace katalint::rules
