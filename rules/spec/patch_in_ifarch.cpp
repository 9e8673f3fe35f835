// patch-in-ifarch: a patch applied only on some architectures.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool applies_patch(const SyntaxTree& tree, NodeId macro) {
  const std::string_view name = macro_name(tree, macro);
  if (name == "patch" || name == "autopatch") return true;
  if (name.size() > 5 && lower(name.substr(0, 5)) == "patch") {
    for (char c : name.substr(5))
      if (c < '0' || c > '9') return false;
    return true;  // %patch3, %{PATCH3}
  }
  return false;
}

// The %ifarch/%ifnarch/%elifarch keyword of the innermost architecture conditional around
// `node`, or "".
std::string_view arch_conditional(const SyntaxTree& tree, NodeId node) {
  for (NodeId p = tree.node(node).parent; p != rpmspec::kNoNode; p = tree.node(p).parent) {
    if (tree.kind(p) != SyntaxKind::ConditionalBranch) continue;
    const NodeId directive = tree.node(p).first_child;
    if (directive == rpmspec::kNoNode) continue;
    NodeId keyword = tree.child(directive, SyntaxKind::Keyword);
    if (keyword == rpmspec::kNoNode) continue;
    std::string_view k = tree.text_of(keyword);
    // An %else belongs to the branch's %if: look at the first branch of the conditional.
    if (tree.kind(directive) == SyntaxKind::ElseDirective) {
      const NodeId cond = tree.node(p).parent;
      const NodeId first = cond == rpmspec::kNoNode ? rpmspec::kNoNode : tree.node(cond).first_child;
      const NodeId first_directive = first == rpmspec::kNoNode ? rpmspec::kNoNode : tree.node(first).first_child;
      keyword = first_directive == rpmspec::kNoNode ? rpmspec::kNoNode : tree.child(first_directive, SyntaxKind::Keyword);
      if (keyword == rpmspec::kNoNode) continue;
      k = tree.text_of(keyword);
    }
    if (k == "%ifarch" || k == "%ifnarch" || k == "%elifarch") return k;
  }
  return {};
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "prep" || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    for (NodeId c : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      if (!applies_patch(tree, c)) continue;
      const std::string_view k = arch_conditional(tree, line.line);
      if (k.empty()) continue;
      out.report(tree.range(c), fmt::format("{} inside {}; apply patches on every architecture", tree.text_of(c), k));
      break;
    }
  });
}

}  // namespace

extern const RuleInfo patch_in_ifarch;  // listed in rules/rules.def
constinit const RuleInfo patch_in_ifarch{
    .id = "patch-in-ifarch",
    .severity = ir::Severity::Info,
    .summary = "a patch applied only on some architectures",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "%ifarch-applied-patch",
    .doc = {.what = R"md(Reports a patch applied in `%prep` inside an `%ifarch`, `%ifnarch` or `%elifarch` block (or its `%else`): `%patch`, `%patchN`, `%autopatch` or a use of `%{PATCHN}`.)md",
            .why = R"md(A patch applied on some architectures only makes the sources differ between builds of the same package, which confuses debugging and source RPM consumers. Apply it everywhere and guard the architecture-specific code inside the patch, with the preprocessor or the build system.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         s390x.patch

%description
An example package.

%prep
%setup -q
%ifarch s390x
%patch -P 0 -p1
%endif

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source0:        https://example.org/example-1.0.tar.gz
Patch0:         s390x.patch

%description
An example package.

%prep
%setup -q
%patch -P 0 -p1

%files
)md",
            .fix_safety = R"md(No fix: the patch itself has to be made safe for every architecture first.)md",
            .reference = R"md(rpmlint `%ifarch-applied-patch`; openSUSE's rpmlint configuration filters it.)md"},
    .check = check,
};

}  // namespace katalint::rules
