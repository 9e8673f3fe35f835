// macro-in-changelog: a macro in %changelog text.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "changelog" || tree.kind(line.line) != SyntaxKind::BodyLine) return;
    for (NodeId c = tree.node(line.line).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      const SyntaxKind k = tree.kind(c);
      if (k != SyntaxKind::MacroRef && k != SyntaxKind::ShellExpansion && k != SyntaxKind::ExprExpansion &&
          k != SyntaxKind::LuaExpansion)
        continue;
      // rpmautospec generates the whole changelog from this one macro.
      if (k == SyntaxKind::MacroRef && macro_name(tree, c) == "autochangelog") continue;
      const std::uint32_t begin = tree.node(c).begin;
      out.report(tree.range(c), fmt::format("'{}' in %changelog is expanded at every build",
                                            tree.text_of(c).substr(0, 40)))
          .fix("escape the macro as %%", ir::Applicability::Safe, {{{tree.file, begin, begin}, "%"}});
    }
  });
}

}  // namespace

extern const RuleInfo macro_in_changelog;  // listed in rules/rules.def
constinit const RuleInfo macro_in_changelog{
    .id = "macro-in-changelog",
    .severity = ir::Severity::Warning,
    .summary = "a macro in %changelog text",
    .fix = FixAvailability::Safe,
    .aliases = "macro-in-%changelog",
    .doc = {.what = R"md(Reports macros in the text of `%changelog` entries, except `%autochangelog`.)md",
            .why = R"md(A changelog records history, but rpm expands its macros at every build with today's values: `- update %{name} to %{version}` in an old entry shows the current version.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files

%changelog
* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-0
- update to %{version}
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

%changelog
* Mon Jan 01 2024 Jane Doe <jane@example.org> - 1.0-0
- update to 1.0
)md",
            .fix_safety = R"md(Safe in the sense that the entry then reads as written: the fix doubles the `%`, so the text shows the macro name instead of a value that changes with every build. To keep the value, write it out by hand instead.)md",
            .reference = R"md(rpmlint `macro-in-%changelog`.)md"},
    .check = check,
};

}  // namespace katalint::rules
