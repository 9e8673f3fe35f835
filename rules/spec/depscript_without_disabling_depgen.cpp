// depscript-without-disabling-depgen: __find_requires/__find_provides redefined while rpm's
// internal dependency generator stays on, so the scripts are never run.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  std::vector<NodeId> scripts;
  bool disabled = false;
  for (NodeId def : tree.all_of(SyntaxKind::MacroDefinition)) {
    const NodeId name = tree.child(def, SyntaxKind::MacroName);
    const NodeId keyword = tree.child(def, SyntaxKind::Keyword);
    if (name == rpmspec::kNoNode || (keyword != rpmspec::kNoNode && tree.text_of(keyword) == "%undefine")) continue;
    const std::string_view n = tree.text_of(name);
    if (n == "__find_requires" || n == "__find_provides") scripts.push_back(def);
    if (n == "_use_internal_dependency_generator") {
      const NodeId body = tree.child(def, SyntaxKind::MacroBody);
      if (body != rpmspec::kNoNode && trim(tree.text_of(body)) == "0") disabled = true;
    }
  }
  if (disabled) return;
  for (NodeId def : scripts) {
    auto d = out.report(without_newline(tree, def),
                        fmt::format("%{} is ignored while %_use_internal_dependency_generator is on",
                                    tree.text_of(tree.child(def, SyntaxKind::MacroName))));
    note_branch(ctx, d, tree.node(def).begin);
  }
}

}  // namespace

extern const RuleInfo depscript_without_disabling_depgen;  // listed in rules/rules.def
constinit const RuleInfo depscript_without_disabling_depgen{
    .id = "depscript-without-disabling-depgen",
    .severity = ir::Severity::Warning,
    .summary = "__find_requires or __find_provides redefined while rpm's internal dependency generator stays on",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::None,
    .doc = {.what = R"md(Reports `%define __find_requires` or `%define __find_provides` (any branch) in a spec that does not also define `_use_internal_dependency_generator` as `0`.)md",
            .why = R"md(Since rpm 4.9 the internal dependency generator runs instead of these scripts unless it is switched off, so the custom script is silently ignored. Newer specs use `%__requires_exclude` / `%__provides_exclude` or a file attribute generator instead.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%define __find_requires %{_builddir}/filter-requires.sh

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
%global __requires_exclude ^libprivate\\.so

%description
An example package.

%files
)md",
            .fix_safety = R"md(No fix: switching the generator off changes every dependency of the package; the filter is better rewritten with `%__requires_exclude`.)md",
            .reference = R"md(rpmlint `depscript-without-disabling-depgen`; rpm dependency generator documentation (`%__requires_exclude`).)md"},
    .check = check,
};

}  // namespace katalint::rules
