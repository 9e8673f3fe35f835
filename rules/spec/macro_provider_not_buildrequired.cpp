// macro-provider-not-buildrequired: a macro whose defining package is not in BuildRequires.
#include <set>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Provider {
  std::string_view macro;         // macro name, or a prefix ending in '*'
  std::string_view suse, fedora;  // package to BuildRequire per family
  std::string_view accepted;      // space-separated BuildRequires words that also provide it
};

constexpr Provider kProviders[] = {
    {"fdupes", "fdupes", "fdupes", "fdupes"},
    {"cmake", "cmake", "cmake", "cmake cmake3 pkgconfig(cmake) kf5-filesystem kf6-extra-cmake-modules extra-cmake-modules"},
    {"meson", "meson", "meson", "meson"},
    {"gobuild", "golang-packaging", "go-rpm-macros", "golang-packaging go-rpm-macros go-srpm-macros golang"},
    {"pytest", "python3-pytest", "python3-pytest", "pytest python3-pytest python-pytest"},
    {"service_*", "systemd-rpm-macros", "systemd-rpm-macros", "systemd-rpm-macros pkgconfig(systemd) systemd systemd-devel"},
    {"systemd_*", "systemd-rpm-macros", "systemd-rpm-macros", "systemd-rpm-macros pkgconfig(systemd) systemd systemd-devel"},
};

bool matches(std::string_view pattern, std::string_view name) {
  if (!pattern.empty() && pattern.back() == '*') return name.substr(0, pattern.size() - 1) == pattern.substr(0, pattern.size() - 1);
  return name == pattern;
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.family != Family::Suse && ctx.family != Family::Fedora) return;
  const SyntaxTree& tree = *ctx.spec;
  if (!tree.all_of(SyntaxKind::IncludeDirective).empty()) return;
  std::string buildrequires;  // every BuildRequires value, all branches, space-joined
  NodeId last_buildrequires = rpmspec::kNoNode, last_preamble_tag = rpmspec::kNoNode;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::Tag || !line.section.empty()) return;
    last_preamble_tag = line.line;
    if (!tag_is(tree, line.line, "buildrequires")) return;
    buildrequires += " " + std::string(tag_value(tree, line.line)) + " ";
    // The insertion point stays at the top level.
    if (tree.kind(tree.node(line.line).parent) != SyntaxKind::ConditionalBranch) last_buildrequires = line.line;
  });
  std::set<std::string_view> reported;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::BodyLine || (!line.build_section && !line.scriptlet)) return;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      if (tree.child(m, SyntaxKind::MacroFlags) != rpmspec::kNoNode) continue;  // %{?fdupes...} is optional
      const std::string_view name = macro_name(tree, m);
      for (const Provider& p : kProviders) {
        if (!matches(p.macro, name) || reported.count(p.macro)) continue;
        bool provided = false;
        std::size_t i = 0;
        const std::string_view acc = p.accepted;
        while (i < acc.size() && !provided) {
          std::size_t e = acc.find(' ', i);
          if (e == std::string_view::npos) e = acc.size();
          provided = buildrequires.find(std::string(acc.substr(i, e - i))) != std::string::npos;
          i = e + 1;
        }
        if (provided) continue;
        reported.insert(p.macro);
        const std::string_view package = ctx.family == Family::Suse ? p.suse : p.fedora;
        auto d = out.report(tree.range(m), fmt::format("%{} comes from {}, which is not in BuildRequires; without it rpm leaves the macro unexpanded",
                                                       name, package));
        const NodeId after = last_buildrequires != rpmspec::kNoNode ? last_buildrequires : last_preamble_tag;
        if (after != rpmspec::kNoNode && tree.kind(tree.node(after).parent) != SyntaxKind::ConditionalBranch) {
          const std::uint32_t at = tree.node(after).end;
          d.fix(fmt::format("add BuildRequires: {}", package), ir::Applicability::Safe,
                {{{tree.file, at, at}, fmt::format("BuildRequires:  {}\n", package)}});
        }
        note_branch(ctx, d, tree.node(line.line).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo macro_provider_not_buildrequired;  // listed in rules/rules.def
constinit const RuleInfo macro_provider_not_buildrequired{
    .id = "macro-provider-not-buildrequired",
    .severity = ir::Severity::Warning,
    .summary = "a macro used without a BuildRequires on the package that defines it",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(With a SUSE or Fedora target, reports the first use in a build section or scriptlet (any branch) of a macro whose defining package is known, when no `BuildRequires` (in any branch) names it: `%fdupes` (fdupes), `%cmake` (cmake), `%meson` (meson), `%gobuild` (golang-packaging / go-rpm-macros), `%pytest` (python3-pytest), `%service_*` and `%systemd_*` (systemd-rpm-macros; `pkgconfig(systemd)` also counts). Optional uses (`%{?fdupes:...}`) and specs with `%include` are not checked.)md",
            .why = R"md(OBS and koji build in a minimal root with only the declared BuildRequires. rpm leaves an undefined macro as it is, so `%fdupes %{buildroot}` becomes a shell command that does not exist, or a scriptlet that fails at install time.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  gcc

%description
An example package.

%install
%fdupes %{buildroot}%{_datadir}

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  gcc
BuildRequires:  fdupes

%description
An example package.

%install
%fdupes %{buildroot}%{_datadir}

%files
)md",
            .fix_safety = R"md(Safe: the fix adds the BuildRequires after the last unconditional one; the built package is what the spec meant, and the build no longer depends on what else the build root happens to contain.)md",
            .reference = R"md(openSUSE *Packaging Conventions RPM Macros* (`%fdupes`); openSUSE *Systemd packaging guidelines*; Fedora Packaging Guidelines, "Systemd".)md"},
    .check = check,
};

}  // namespace katalint::rules
