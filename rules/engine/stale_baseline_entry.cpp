// stale-baseline-entry: reported by cli/baseline.cpp for baseline entries no finding matches any more.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo stale_baseline_entry;  // listed in rules/rules.def
constinit const RuleInfo stale_baseline_entry{
    .id = "stale-baseline-entry",
    .severity = ir::Severity::Info,
    .summary = "a baseline entry matches no finding any more",
    .origin = Origin::Engine,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports an entry of the `--baseline` file that no current finding matches: the problem was fixed, or the line changed. It is located in the baseline file. Entries for files that were not linted in this run are not checked.

This report is informational: it never fails the run, whatever `--fail-on` says.)md",
            .why = R"md(A baseline should only shrink. Removing stale entries keeps it from hiding a problem that comes back on a line with the same text.)md",
            .example = R"md({
  "version": 1,
  "findings": [
    {"rule": "build-system-tag", "file": "example.spec", "line": "Packager: Jane Doe <jane@example.org>", "count": 1}
  ]
}
)md",
            .use_instead = R"md({
  "version": 1,
  "findings": []
}
)md",
            .fix_safety = R"md(No automatic fix. Regenerate the baseline with `katalint --write-baseline FILE PATH...` once the remaining findings are the ones to keep.)md",
            .reference = R"md(docs/lint-engine.md (baselines).)md",
            .example_file = "katalint-baseline.json",
            .not_runnable = "the example is a baseline file, which is read with --baseline"},
};

}  // namespace katalint::rules
