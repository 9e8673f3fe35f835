// prefix-tag: a Prefix tag with a literal path.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag) return;
    const std::string_view name = line.tag;
    if (name != "prefix" && name != "prefixes") return;
    const NodeId value = tree.child(line.line, SyntaxKind::TagValue);
    if (value == rpmspec::kNoNode) return;
    const std::string_view text = trim(tree.text_of(value));
    if (text.empty() || text.front() != '/') return;
    out.report(tree.range(value), fmt::format("{} is a literal path; use a macro such as %{{_prefix}}",
                                              tree.text_of(tree.child(line.line, SyntaxKind::TagName))));
  });
}

}  // namespace

extern const RuleInfo prefix_tag;  // listed in rules/rules.def
constinit const RuleInfo prefix_tag{
    .id = "prefix-tag",
    .severity = ir::Severity::Warning,
    .summary = "a Prefix tag with a literal path",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "hardcoded-prefix-tag",
    .doc = {.what = R"md(Reports `Prefix:` and `Prefixes:` whose value starts with a literal path (`/usr`) instead of a macro.)md",
            .why = R"md(A relocatable package's prefix must match the paths its files are installed to, which come from `%{_prefix}` and friends. A literal `/usr` silently goes wrong when the distribution or the user redefines `%_prefix`.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Prefix:         /usr

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
Prefix:         %{_prefix}

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: which macro is meant (`%{_prefix}`, `%{_sysconfdir}`, ...) depends on the files of the package.)md",
            .reference = R"md(rpmlint `hardcoded-prefix-tag`; RPM reference manual, relocatable packages.)md"},
    .check = check,
};

}  // namespace katalint::rules
