// conditional-structure: text after %else or %endif, which rpm warns about ("extra tokens").
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    const SyntaxKind k = tree.kind(line.line);
    if (k != SyntaxKind::EndifDirective && k != SyntaxKind::ElseDirective) return;
    const NodeId keyword = tree.child(line.line, SyntaxKind::Keyword);
    if (keyword == rpmspec::kNoNode) return;
    const ir::Range whole = without_newline(tree, line.line);
    const std::uint32_t after = tree.node(keyword).end;
    const std::string_view rest = trim(tree.text.substr(after, whole.end - after));
    if (rest.empty()) return;
    const auto rest_begin = static_cast<std::uint32_t>(tree.text.find(rest, after));
    const ir::Range extra{tree.file, rest_begin, whole.end};
    auto d = out.report(extra, fmt::format("text after {}; rpm warns about extra tokens and newer rpm rejects them", tree.text_of(keyword)));
    // Keep the text as a comment on the line above.
    std::string_view comment = rest;
    while (!comment.empty() && (comment.front() == '#' || comment.front() == ' ')) comment.remove_prefix(1);
    const std::string_view indent = tree.text.substr(whole.begin, tree.node(keyword).begin - whole.begin);
    d.fix("move the text into a comment line", ir::Applicability::Safe,
          {{whole, fmt::format("{}# {}\n{}{}", indent, comment, indent, tree.text_of(keyword))}});
    note_branch(ctx, d, whole.begin);
  });
}

}  // namespace

extern const RuleInfo conditional_structure;  // listed in rules/rules.def
constinit const RuleInfo conditional_structure{
    .id = "conditional-structure",
    .severity = ir::Severity::Warning,
    .summary = "text after %else or %endif",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports text after `%else` or `%endif` (a trailing `# comment` included), in any branch. Unbalanced `%if`/`%else`/`%endif` are reported while reading the spec (`unterminated-if`, `unmatched-conditional`, `duplicate-else`), and unguarded distribution macros in conditions by `unguarded-distro-macro`.)md",
            .why = R"md(rpm 4.18 warns "extra tokens at the end of %endif directive"; rpm 4.20 makes it an error, so `%endif # with_python2` breaks the build on newer distributions.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%if 0%{?suse_version}
BuildRequires:  gcc
%endif # suse

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
%if 0%{?suse_version}
BuildRequires:  gcc
# suse
%endif

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: the text becomes a comment line right above the directive, so nothing is lost and rpm reads the same conditional.)md",
            .reference = R"md(rpm ("extra tokens at the end of %endif directive"; an error since rpm 4.20); rpmlint passes it on as `specfile-warning`.)md"},
    .check = check,
};

}  // namespace katalint::rules
