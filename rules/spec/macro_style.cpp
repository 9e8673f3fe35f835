// macro-style: %{__rm}-style utility macros in shell, and top-level %define in Fedora specs.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Utility {
  std::string_view macro, command;
};

constexpr Utility kUtilities[] = {
    {"__rm", "rm"},       {"__mkdir", "mkdir"}, {"__mkdir_p", "mkdir -p"}, {"__install", "install"},
    {"__sed", "sed"},     {"__cp", "cp"},       {"__mv", "mv"},           {"__ln_s", "ln -s"},
    {"__chmod", "chmod"}, {"__chown", "chown"}, {"__cat", "cat"},         {"__grep", "grep"},
    {"__awk", "awk"},     {"__tar", "tar"},     {"__gzip", "gzip"},       {"__perl", "perl"},
};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    if (tree.kind(n) == SyntaxKind::MacroDefinition && ctx.family == Family::Fedora && line.section.empty()) {
      const NodeId kw = tree.child(n, SyntaxKind::Keyword);
      // Inside a parametric body %define is what is meant; at the top level %global is.
      if (kw == rpmspec::kNoNode || tree.text_of(kw) != "%define" || tree.child(n, SyntaxKind::MacroOptions) != rpmspec::kNoNode)
        return;
      auto d = out.report(tree.range(kw), "Fedora prefers %global for top-level definitions; %define is expanded lazily");
      d.fix("use %global", ir::Applicability::Safe, {{tree.range(kw), "%global"}});
      note_branch(ctx, d, tree.node(n).begin);
      return;
    }
    if (!line.shell || tree.kind(n) != SyntaxKind::BodyLine) return;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, n)) {
      const std::string_view text = tree.text_of(m);
      const std::string_view name = macro_name(tree, m);
      if (tree.child(m, SyntaxKind::MacroArgs) != rpmspec::kNoNode || tree.child(m, SyntaxKind::MacroFlags) != rpmspec::kNoNode)
        continue;
      for (const Utility& u : kUtilities) {
        if (name != u.macro) continue;
        auto d = out.report(tree.range(m), fmt::format("{} is '{}'; write the command", text, u.command));
        d.fix(fmt::format("use {}", u.command), ir::Applicability::Safe, {{tree.range(m), std::string(u.command)}});
        note_branch(ctx, d, tree.node(n).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo macro_style;  // listed in rules/rules.def
constinit const RuleInfo macro_style{
    .id = "macro-style",
    .severity = ir::Severity::Info,
    .summary = "utility-path macros such as %{__rm}, or %define where Fedora prefers %global",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports, in any branch, utility-path macros used as commands in build sections and shell scriptlets (`%{__rm}`, `%{__mkdir_p}`, `%{__install}`, `%{__sed}`, `%{__cp}`, `%{__mv}`, `%{__ln_s}`, ...), and, with a Fedora target, a top-level `%define` (not a parametric one).)md",
            .why = R"md(The utility macros only name the command on the build host's PATH; spec-cleaner and the guidelines write the command itself, which reads better. Fedora's guidelines prefer `%global`, which expands once where it is defined, over `%define`, whose lazy expansion surprises inside conditionals.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%install
%{__mkdir_p} %{buildroot}%{_datadir}/example
%{__install} -m 0644 data.xml %{buildroot}%{_datadir}/example/

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

%install
mkdir -p %{buildroot}%{_datadir}/example
install -m 0644 data.xml %{buildroot}%{_datadir}/example/

%files
)md",
            .fix_safety = R"md(Safe: the macros expand to these commands on every supported distribution. `%define` becomes `%global` only at the top level and not for parametric macros, where the result is the same unless the body refers to macros defined later, which would be a bug in itself.)md",
            .reference = R"md(spec-cleaner (replace_utils); Fedora Packaging Guidelines, "%global preferred over %define".)md"},
    .check = check,
};

}  // namespace katalint::rules
