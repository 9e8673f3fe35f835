// older-source-format: the 1.0 source package format.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  if (ctx.source_format == nullptr || ctx.source_format->value != "1.0") return;
  out.report(ctx.source_format->value_range, "source format 1.0 is superseded by '3.0 (quilt)' and '3.0 (native)'");
}

}  // namespace

extern const RuleInfo older_source_format;  // listed in rules/rules.def
constinit const RuleInfo older_source_format{
    .id = "older-source-format",
    .severity = ir::Severity::Info,
    .summary = "the 1.0 source package format",
    .kinds = kind_bit(frontend::FileKind::SourceFormat),
    .doc = {.what = R"md(Reports a `debian/source/format` of `1.0`.)md",
             .why = R"md(Format 1.0 cannot carry several upstream tarballs, binary files or compression other than gzip, and mixes packaging changes into one diff; `3.0 (quilt)` keeps patches apart (OBS's debtransform reads it too). lintian reports `older-source-format`.)md",
             .example = R"md(1.0
)md",
             .use_instead = R"md(3.0 (quilt)
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(dpkg-source(1) SOURCE PACKAGE FORMATS; lintian `older-source-format`; rules-debian.md DEB-F001.)md",
             .example_file = "debian/source/format"},
    .check = check,
};

}  // namespace katalint::rules
