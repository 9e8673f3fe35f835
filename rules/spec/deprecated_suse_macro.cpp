// deprecated-suse-macro: SUSE macros and idioms that have a current replacement.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool is_yast(const Context& ctx) {
  return ctx.package && ctx.package->name.substr(0, 4) == "yast";
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // update-desktop-files is still right for YaST modules (rpmlint exempts them too).
  const bool yast = is_yast(ctx);
  bool desktop_buildrequires = false;
  std::vector<NodeId> desktop_calls;
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    const ir::Range whole = tree.range(n);
    if (tree.kind(n) == SyntaxKind::Tag && tag_is(tree, n, "buildrequires")) {
      for (NodeId dep : tree.all_of(SyntaxKind::DependencyName, n)) {
        if (yast || trim(tree.text_of(dep)) != "update-desktop-files") continue;
        desktop_buildrequires = true;
        auto d = out.report(tree.range(dep), "%suse_update_desktop_file is deprecated; install desktop files as they are and validate them");
        note_branch(ctx, d, whole.begin);
      }
      return;
    }
    const std::string_view text = trim(line.text);
    if (text.substr(0, 18) == "%{?!python_module:") {
      auto d = out.report(without_newline(tree, n), "python-rpm-macros defines %python_module; remove this definition");
      d.fix("remove the line", ir::Applicability::Safe, {{whole, ""}});
      note_branch(ctx, d, whole.begin);
      return;
    }
    if (tree.kind(n) != SyntaxKind::BodyLine && tree.kind(n) != SyntaxKind::Tag) return;
    // Every macro below has one of these in its name, and all of them a '_'.
    if (text.find('_') == std::string_view::npos ||
        (text.find("suse_update_") == std::string_view::npos && text.find("_requires") == std::string_view::npos &&
         text.find("run_ldconfig") == std::string_view::npos))
      return;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, n)) {
      const std::string_view name = macro_name(tree, m);
      const bool alone = text == trim(tree.text_of(m));
      std::string message, title, replacement;
      ir::Range edit = tree.range(m);
      if (name == "suse_update_desktop_file") {
        if (!yast) desktop_calls.push_back(m);
        continue;
      } else if (name == "suse_update_config" || name == "py_requires") {
        message = fmt::format("%{} does nothing on current SUSE releases", name);
        if (alone) {
          title = "remove the line";
          edit = whole;
        }
      } else if (name == "run_ldconfig") {
        message = "%run_ldconfig is deprecated; call /sbin/ldconfig";
        title = "use /sbin/ldconfig";
        replacement = "/sbin/ldconfig";
      } else if (name == "systemd_requires") {
        message = "%systemd_requires is deprecated; %{?systemd_ordering} orders the scriptlets without a hard dependency";
        title = "use %{?systemd_ordering}";
        replacement = "%{?systemd_ordering}";
      } else {
        continue;
      }
      auto d = out.report(tree.range(m), std::move(message));
      if (!title.empty()) d.fix(std::move(title), ir::Applicability::Safe, {{edit, replacement}});
      note_branch(ctx, d, whole.begin);
    }
  });
  // Without the BuildRequires (pulled in some other way) the calls themselves are reported.
  if (desktop_buildrequires) return;
  for (NodeId m : desktop_calls) {
    auto d = out.report(tree.range(m), "%suse_update_desktop_file is deprecated; install desktop files as they are and validate them");
    note_branch(ctx, d, tree.node(m).begin);
  }
}

}  // namespace

extern const RuleInfo deprecated_suse_macro;  // listed in rules/rules.def
constinit const RuleInfo deprecated_suse_macro{
    .id = "deprecated-suse-macro",
    .severity = ir::Severity::Warning,
    .summary = "a SUSE macro or idiom that has a current replacement",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::Safe,
    .aliases = "suse-update-desktop-file-deprecated python-module-def",
    .doc = {.what = R"md(Reports, in any branch:

- `BuildRequires: update-desktop-files` (or, without it, each `%suse_update_desktop_file`), except in YaST packages;
- `%suse_update_config` and `%py_requires`, which do nothing today;
- `%run_ldconfig` (use `/sbin/ldconfig`);
- `%systemd_requires` (use `%{?systemd_ordering}`);
- the py2pack-era line `%{?!python_module:%define python_module() ...}`; python-rpm-macros defines the macro.)md",
            .why = R"md(These macros come from old SUSE templates. openSUSE deprecated `%suse_update_desktop_file` (desktop files are installed as upstream ships them), replaced `%systemd_requires` by `%{?systemd_ordering}` (News in openSUSE Packaging, 2020-11-23), and python-rpm-macros provides `%python_module` everywhere.)md",
            .example = R"md(%{?!python_module:%define python_module() python-%{**} python3-%{**}}
Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  %{python_module setuptools}
%{?systemd_requires}

%description
An example package.

%post
%run_ldconfig

%files
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  %{python_module setuptools}
%{?systemd_ordering}

%description
An example package.

%post
/sbin/ldconfig

%files
)md",
            .fix_safety = R"md(Safe: removed macros expand to nothing on current releases, `%run_ldconfig` is `/sbin/ldconfig`, and `%{?systemd_ordering}` gives the scriptlets the same ordering. Desktop-file changes have no fix: what `%suse_update_desktop_file` did to the file must be moved upstream or into a patch.)md",
            .reference = R"md(rpmlint `suse-update-desktop-file-deprecated`, `python-module-def`; openSUSE *News in openSUSE Packaging* (2020-11-23); spec-cleaner.)md"},
    .check = check,
};

}  // namespace katalint::rules
