// changes-separator-length: reported by frontend/obs/changes.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo changes_separator_length;  // listed in rules/rules.def
constinit const RuleInfo changes_separator_length{
    .id = "changes-separator-length",
    .severity = ir::Severity::Warning,
    .summary = "a .changes separator line is not exactly 67 dashes",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::SuseChanges),
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a separator line in a SUSE `.changes` file that is made of dashes but not exactly 67 of them.)md",
             .why = R"md(Tools such as `osc vc` and changelog2spec look for exactly 67 dashes.)md",
             .example = R"md(------------------------------------------------------------
Mon Jan  1 12:00:00 UTC 2024 - jane@example.org

- Update to 1.0
)md",
             .use_instead = R"md(-------------------------------------------------------------------
Mon Jan  1 12:00:00 UTC 2024 - jane@example.org

- Update to 1.0
)md",
             .fix_safety = R"md(The fix is safe: it replaces the line with 67 dashes, which is what the line was meant to be.)md",
             .reference = R"md(openSUSE *Creating a changes file (RPM)*; `osc vc`.)md",
             .example_file = "example.changes"},
};

}  // namespace katalint::rules
