// unreadable-file: reported by cli/lint.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo unreadable_file;  // listed in rules/rules.def
constinit const RuleInfo unreadable_file{
    .id = "unreadable-file",
    .severity = ir::Severity::Error,
    .summary = "the input file cannot be read",
    .origin = Origin::Frontend,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports an input file that cannot be read (missing, a directory, no permission, larger than 64 MiB).)md",
             .why = R"md(Nothing in it was checked.)md",
             .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

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
             .reference = R"md(README.md (exit codes).)md",
             .not_runnable = "it is about reading the file, not its content"},
};

}  // namespace katalint::rules
