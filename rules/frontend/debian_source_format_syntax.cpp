// debian-source-format-syntax: reported by frontend/debian/lines.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo debian_source_format_syntax;  // listed in rules/rules.def
constinit const RuleInfo debian_source_format_syntax{
    .id = "debian-source-format-syntax",
    .severity = ir::Severity::Error,
    .summary = "debian/source/format is empty or has more than one line",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::SourceFormat),
    .doc = {.what = R"md(Reports a `debian/source/format` file that is empty or has more than one line.)md",
             .why = R"md(dpkg-source reads exactly one line, the format name.)md",
             .example = R"md(3.0 (quilt)
1.0
)md",
             .use_instead = R"md(3.0 (quilt)
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(dpkg-source(1), SOURCE PACKAGE FORMATS.)md",
             .example_file = "debian/source/format"},
};

}  // namespace katalint::rules
