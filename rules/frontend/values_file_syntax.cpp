// values-file-syntax: reported by cli/analyze_options.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo values_file_syntax;  // listed in rules/rules.def
constinit const RuleInfo values_file_syntax{
    .id = "values-file-syntax",
    .severity = ir::Severity::Error,
    .summary = "a --values file line is not KEY=VALUE",
    .origin = Origin::Frontend,
    .kinds = kAnyFile,
    .doc = {.what = R"md(Reports a line of a `--values` file that is not `KEY=VALUE` (shell style: `#` comments, optional quotes and `export`).)md",
             .why = R"md(The placeholder values cannot be read, so the templates cannot be filled.)md",
             .example = R"md(VERSION=1.0
this line has no equals sign
)md",
             .use_instead = R"md(VERSION=1.0
RELEASE=0
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(docs/kata-findings.md; `katalint --values FILE`.)md",
             .example_file = "values.txt"},
};

}  // namespace katalint::rules
