// changes-missing-separator: reported by frontend/obs/changes.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo changes_missing_separator;  // listed in rules/rules.def
constinit const RuleInfo changes_missing_separator{
    .id = "changes-missing-separator",
    .severity = ir::Severity::Error,
    .summary = "a .changes file has text before its first separator line",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::SuseChanges),
    .doc = {.what = R"md(Reports text at the top of a SUSE `.changes` file before the first line of 67 dashes.)md",
             .why = R"md(Every entry starts with the separator; text before it belongs to no entry and is lost when the changes are merged into the spec.)md",
             .example = R"md(Update to 1.0
-------------------------------------------------------------------
Mon Jan  1 12:00:00 UTC 2024 - jane@example.org

- Update to 1.0
)md",
             .use_instead = R"md(-------------------------------------------------------------------
Mon Jan  1 12:00:00 UTC 2024 - jane@example.org

- Update to 1.0
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(openSUSE *Creating a changes file (RPM)*.)md",
             .example_file = "example.changes"},
};

}  // namespace katalint::rules
