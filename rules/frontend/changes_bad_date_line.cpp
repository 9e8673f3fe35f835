// changes-bad-date-line: reported by frontend/obs/changes.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo changes_bad_date_line;  // listed in rules/rules.def
constinit const RuleInfo changes_bad_date_line{
    .id = "changes-bad-date-line",
    .severity = ir::Severity::Error,
    .summary = "a .changes entry header is not 'Www Mmm DD HH:MM:SS ZONE YYYY - Name <email>'",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::SuseChanges),
    .doc = {.what = R"md(Reports a SUSE `.changes` entry whose first line is not a date in `date` format (LANG=C) followed by ` - ` and the author's e-mail address.)md",
             .why = R"md(OBS (changelog2spec) converts `.changes` into `%changelog`; an entry it cannot read is dropped or breaks the build.)md",
             .example = R"md(-------------------------------------------------------------------
2024-01-01 - jane@example.org

- Update to 1.0
)md",
             .use_instead = R"md(-------------------------------------------------------------------
Mon Jan  1 12:00:00 UTC 2024 - jane@example.org

- Update to 1.0
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(openSUSE *Creating a changes file (RPM)*; `osc vc`.)md",
             .example_file = "example.changes"},
};

}  // namespace katalint::rules
