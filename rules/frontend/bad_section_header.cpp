// bad-section-header: reported by frontend/rpmspec/evaluator.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_section_header;  // listed in rules/rules.def
constinit const RuleInfo bad_section_header{
    .id = "bad-section-header",
    .severity = ir::Severity::Error,
    .summary = "a section header with options rpm rejects",
    .origin = Origin::Frontend,
    .kinds = kSpecFiles,
    .doc = {.what = R"md(Reports a section header with an option or argument the section does not take, e.g. `%build foo` or `%description -x`.)md",
             .why = R"md(rpm stops parsing the spec at that line.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%build foo
make
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

%build
make
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(rpm 4.18 `build/parseBuildInstallClean.c`, `build/parseDescription.c`, `build/parseScript.c`.)md"},
};

}  // namespace katalint::rules
