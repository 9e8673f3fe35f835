// defattr-default: %defattr(-,root,root), which has been rpm's default since 4.4.
#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool is_default(std::string_view args) {
  std::string compact;
  for (char c : args)
    if (c != ' ' && c != '\t') compact += c;
  return compact == "(-,root,root)" || compact == "(-,root,root,-)";
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId entry : tree.all_of(SyntaxKind::FileEntry)) {
    NodeId directive = rpmspec::kNoNode;
    bool other = false;
    for (NodeId c : tree.children(entry)) {
      const SyntaxKind k = tree.kind(c);
      if (k == SyntaxKind::Whitespace || k == SyntaxKind::Newline) continue;
      if (k == SyntaxKind::FileDirective && directive == rpmspec::kNoNode) {
        directive = c;
        continue;
      }
      other = true;
    }
    if (directive == rpmspec::kNoNode) continue;
    const NodeId keyword = tree.child(directive, SyntaxKind::Keyword);
    const NodeId args = tree.child(directive, SyntaxKind::FileDirectiveArgs);
    if (keyword == rpmspec::kNoNode || args == rpmspec::kNoNode || tree.text_of(keyword) != "%defattr" ||
        !is_default(tree.text_of(args)))
      continue;
    auto d = out.report(tree.range(directive), "%defattr(-,root,root) is rpm's default");
    if (!other) d.fix("remove the %defattr line", ir::Applicability::Safe, {{tree.range(entry), ""}});
  }
}

}  // namespace

extern const RuleInfo defattr_default;  // listed in rules/rules.def
constinit const RuleInfo defattr_default{
    .id = "defattr-default",
    .severity = ir::Severity::Info,
    .summary = "%defattr(-,root,root), which is rpm's default",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `%defattr(-,root,root)` and `%defattr(-,root,root,-)` in `%files`. A `%defattr` with other modes or owners is left alone.)md",
            .why = R"md(Since rpm 4.4 files belong to root and keep the mode they have in the build root unless told otherwise, so the line changes nothing.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%defattr(-,root,root)
%{_bindir}/example
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
%{_bindir}/example
)md",
            .fix_safety = R"md(Safe: the fix deletes the line, and the files get the same owners and modes.)md",
            .reference = R"md(Fedora Packaging Guidelines, "File Permissions"; spec-cleaner removes the line.)md"},
    .check = check,
};

}  // namespace katalint::rules
