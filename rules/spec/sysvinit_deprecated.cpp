// sysvinit-deprecated: SysV init scripts and the insserv macros.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool init_macro(std::string_view name) {
  return name.substr(0, 8) == "insserv_" || name == "fillup_and_insserv" || name == "stop_on_removal" ||
         name == "restart_on_update";
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    const NodeId n = line.line;
    const auto report = [&](ir::Range where, std::string message) {
      auto d = out.report(where, std::move(message));
      note_branch(ctx, d, tree.node(n).begin);
    };
    if (tree.kind(n) == SyntaxKind::Tag) {
      if (!tag_is(tree, n, "requires") && !tag_is(tree, n, "prereq")) return;
      for (NodeId dep : tree.all_of(SyntaxKind::DependencyName, n))
        if (trim(tree.text_of(dep)) == "insserv")
          report(tree.range(dep), "insserv is only needed by SysV init scripts; ship a systemd unit instead");
      return;
    }
    if (line.section == "files" && tree.kind(n) == SyntaxKind::FileEntry) {
      if (tree.text_of(n).find("init") == std::string_view::npos) return;  // in each directory below
      for (NodeId path : tree.all_of(SyntaxKind::FilePath, n)) {
        const std::string_view p = tree.text_of(path);
        for (std::string_view dir : {"%{_initddir}/", "%{_initrddir}/", "%_initddir/", "/etc/init.d/",
                                     "%{_sysconfdir}/init.d/", "/etc/rc.d/init.d/"})
          if (p.substr(0, dir.size()) == dir) {
            report(tree.range(path), "a SysV init script; openSUSE packages ship systemd units");
            break;
          }
      }
      return;
    }
    if (tree.kind(n) != SyntaxKind::BodyLine) return;
    // Every name init_macro() accepts holds "insserv" or "_on_".
    const std::string_view text = tree.text_of(n);
    if (text.find("insserv") == std::string_view::npos && text.find("_on_") == std::string_view::npos) return;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, n)) {
      const std::string_view name = macro_name(tree, m);
      if (init_macro(name)) report(tree.range(m), fmt::format("%{} manages SysV init scripts; use the %service_* macros", name));
    }
  });
}

}  // namespace

extern const RuleInfo sysvinit_deprecated;  // listed in rules/rules.def
constinit const RuleInfo sysvinit_deprecated{
    .id = "sysvinit-deprecated",
    .severity = ir::Severity::Error,
    .summary = "a SysV init script or insserv macro",
    .kinds = kSpecFiles,
    .families = kSuse,
    .fix = FixAvailability::None,
    .aliases = "deprecated-init-script obsolete-insserv-requirement",
    .doc = {.what = R"md(Reports, in any branch: init scripts listed in `%files` under `%{_initddir}`, `/etc/init.d` or `/etc/rc.d/init.d`; the macros `%insserv_*`, `%fillup_and_insserv`, `%stop_on_removal` and `%restart_on_update`; `Requires`/`PreReq` on `insserv`.)md",
            .why = R"md(openSUSE removed SysV init support: its rpmlint scores `deprecated-init-script` 10000, which fails the build, and the macros no longer do anything useful. Services ship systemd units with the `%service_*` scriptlet macros.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%post
%fillup_and_insserv example

%files
%{_initddir}/example
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%pre
%service_add_pre example.service

%post
%service_add_post example.service

%preun
%service_del_preun example.service

%postun
%service_del_postun example.service

%files
%{_unitdir}/example.service
)md",
            .fix_safety = R"md(No fix: a unit file has to be written for the service.)md",
            .reference = R"md(openSUSE *Systemd packaging guidelines*; rpmlint (openSUSE) `deprecated-init-script`, `obsolete-insserv-requirement`, scoring 10000.)md"},
    .check = check,
};

}  // namespace katalint::rules
