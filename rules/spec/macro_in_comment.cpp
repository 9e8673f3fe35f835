// macro-in-comment: a macro in a comment line, which rpm expands anyway.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool is_macro(SyntaxKind k) {
  return k == SyntaxKind::MacroRef || k == SyntaxKind::ShellExpansion || k == SyntaxKind::ExprExpansion ||
         k == SyntaxKind::LuaExpansion;
}

// Sections whose '#' lines are comments; in %description and %changelog they are text.
bool comments_here(std::string_view section) { return section != "description" && section != "changelog"; }

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Comment || !comments_here(line.section)) return;
    const std::string_view text = trim(tree.text_of(line.line));
    // OBS directives such as #!BuildIgnore are read by the build service, not rpm.
    if (text.substr(0, 2) == "#!") return;
    for (NodeId c = tree.node(line.line).first_child; c != rpmspec::kNoNode; c = tree.node(c).next_sibling) {
      if (!is_macro(tree.kind(c))) continue;
      const std::uint32_t begin = tree.node(c).begin;
      out.report(tree.range(c), fmt::format("rpm expands '{}' although it is in a comment",
                                            tree.text_of(c).substr(0, 40)))
          .fix("escape the macro as %%", ir::Applicability::Safe, {{{tree.file, begin, begin}, "%"}});
    }
  });
}

}  // namespace

extern const RuleInfo macro_in_comment;  // listed in rules/rules.def
constinit const RuleInfo macro_in_comment{
    .id = "macro-in-comment",
    .severity = ir::Severity::Warning,
    .summary = "a macro in a comment line, which rpm expands",
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `%name`, `%{...}`, `%(...)`, `%[...]` and `%{lua:...}` in `#` comment lines of the preamble, build sections, scriptlets and `%files`. OBS directives (`#!BuildIgnore: ...`) and `%%` are left alone; in `%description` and `%changelog`, `#` lines are text, not comments.)md",
            .why = R"md(rpm expands macros before it looks at comments. A `%define` in a comment still defines, a `%(...)` still runs, and a macro that expands to several lines ends the comment after the first one.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%build
# %configure is not needed any more
make

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

%build
# %%configure is not needed any more
make

%files
)md",
            .fix_safety = R"md(Safe: doubling the `%` makes rpm print a literal `%` in the comment, which is what a comment means. The only behaviour that changes is the side effect of the macro (a definition, a shell command), which a comment is not meant to have.)md",
            .reference = R"md(rpmlint `macro-in-comment`; rpm 4.19 warns "Macro expanded in comment".)md"},
    .check = check,
};

}  // namespace katalint::rules
