// patch-fuzz-changed: a spec that changes %_default_patch_fuzz.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for (NodeId def : tree.all_of(SyntaxKind::MacroDefinition)) {
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    if (name == rpmspec::kNoNode || tree.text_of(name) != "_default_patch_fuzz") continue;
    const NodeId keyword = tree.child(def, SyntaxKind::Keyword);
    if (keyword != rpmspec::kNoNode && tree.text_of(keyword) == "%undefine") continue;
    auto d = out.report(without_newline(tree, def), "the spec changes %_default_patch_fuzz; refresh the patches instead");
    note_branch(ctx, d, tree.node(def).begin);
  }
}

}  // namespace

extern const RuleInfo patch_fuzz_changed;  // listed in rules/rules.def
constinit const RuleInfo patch_fuzz_changed{
    .id = "patch-fuzz-changed",
    .severity = ir::Severity::Warning,
    .summary = "a spec that changes %_default_patch_fuzz",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .aliases = "patch-fuzz-is-changed",
    .doc = {.what = R"md(Reports `%define` or `%global` of `_default_patch_fuzz`, in any branch.)md",
            .why = R"md(rpm applies patches with fuzz 0 so that a patch that no longer fits fails instead of landing in the wrong place. Raising the fuzz hides patches that need refreshing.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%global _default_patch_fuzz 2

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

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: the patches that need the fuzz have to be refreshed by hand.)md",
            .reference = R"md(rpmlint `patch-fuzz-is-changed`; rpm `%_default_patch_fuzz`.)md"},
    .check = check,
};

}  // namespace katalint::rules
