// unguarded-distro-macro: %if %suse_version ... without a 0%{?...} guard.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool distro_macro(std::string_view name) {
  for (std::string_view m : {"suse_version", "sle_version", "is_opensuse", "fedora", "rhel", "centos",
                             "centos_version", "rhel_version", "fedora_version", "leap_version", "mageia", "mdkversion"})
    if (name == m) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    const SyntaxKind k = tree.kind(line.line);
    if (k != SyntaxKind::IfDirective && k != SyntaxKind::ElifDirective) return;
    const NodeId condition = tree.child(line.line, SyntaxKind::Condition);
    if (condition == rpmspec::kNoNode) return;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, condition)) {
      const std::string_view name = macro_name(tree, m);
      if (!distro_macro(name) || tree.child(m, SyntaxKind::MacroFlags) != rpmspec::kNoNode) continue;
      const std::uint32_t begin = tree.node(m).begin;
      const bool zero = begin > 0 && tree.text[begin - 1] == '0';
      const std::string replacement = fmt::format("{}%{{?{}}}", zero ? "" : "0", name);
      auto d = out.report(tree.range(m), fmt::format("{} is undefined on other distributions, where this condition fails to parse; use {}",
                                                     tree.text_of(m), replacement));
      d.fix(fmt::format("use {}", replacement), ir::Applicability::Safe, {{tree.range(m), replacement}});
      note_branch(ctx, d, tree.node(line.line).begin);
    }
  });
}

}  // namespace

extern const RuleInfo unguarded_distro_macro;  // listed in rules/rules.def
constinit const RuleInfo unguarded_distro_macro{
    .id = "unguarded-distro-macro",
    .severity = ir::Severity::Warning,
    .summary = "a distribution macro in %if without a 0%{?...} guard",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `%suse_version`, `%{sle_version}`, `%fedora`, `%{rhel}`, `%is_opensuse` and the other distribution-version macros used in an `%if` or `%elif` condition without the `?` guard, in any branch.)md",
            .why = R"md(The macros are defined only on their own distribution. Elsewhere `%if %suse_version >= 1500` becomes `%if %suse_version >= 1500` literally and rpm stops with a parse error, so one spec cannot serve several distributions. `0%{?suse_version}` expands to `0` there.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
%if %suse_version >= 1500
BuildRequires:  gcc
%endif

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
%if 0%{?suse_version} >= 1500
BuildRequires:  gcc
%endif

%description
An example package.

%files
)md",
            .fix_safety = R"md(Safe: where the macro is defined the condition is the same, and where it is not, the condition is false instead of a parse error.)md",
            .reference = R"md(openSUSE *Packaging Conventions RPM Macros*; spec-cleaner (`0%{?suse_version}`).)md"},
    .check = check,
};

}  // namespace katalint::rules
