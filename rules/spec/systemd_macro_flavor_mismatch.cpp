// systemd-macro-flavor-mismatch: Fedora's systemd scriptlet macros in a SUSE build, or SUSE's
// in a Fedora build.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

struct Pair {
  std::string_view suse, fedora;  // "" where the other side has no macro
};

constexpr Pair kPairs[] = {
    {"service_add_pre", ""},
    {"service_add_post", "systemd_post"},
    {"service_del_preun", "systemd_preun"},
    {"service_del_postun", "systemd_postun_with_restart"},
    {"service_del_postun_without_restart", "systemd_postun"},
    {"", "systemd_user_post"},
    {"", "systemd_user_preun"},
};

void check(const Context& ctx, Reporter& out) {
  if (ctx.family != Family::Suse && ctx.family != Family::Fedora) return;
  const bool suse = ctx.family == Family::Suse;
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (tree.kind(line.line) != SyntaxKind::BodyLine || !line.scriptlet) return;
    // A branch for the other distribution is where these macros belong.
    if (in_untaken_branch(ctx, tree.node(line.line).begin)) return;
    for (NodeId m : tree.all_of(SyntaxKind::MacroRef, line.line)) {
      const std::string_view name = macro_name(tree, m);
      for (const Pair& p : kPairs) {
        const std::string_view foreign = suse ? p.fedora : p.suse;
        const std::string_view native = suse ? p.suse : p.fedora;
        if (foreign.empty() || name != foreign) continue;
        const ir::Range macro_range = tree.range(m);
        const bool alone = trim(tree.text_of(line.line)) == trim(tree.text_of(m)) ||
                           trim(tree.text_of(line.line)).substr(0, tree.text_of(m).size()) == tree.text_of(m);
        auto d = out.report(macro_range, native.empty()
                                             ? fmt::format("%{} is a {} macro; {} has no counterpart", name,
                                                           suse ? "Fedora" : "SUSE", ctx.target)
                                             : fmt::format("%{} is a {} macro; {} uses %{}", name,
                                                           suse ? "Fedora" : "SUSE", ctx.target, native));
        if (!native.empty()) {
          const std::string_view text = tree.text_of(m);
          const std::string replacement = text.substr(0, 2) == "%{" ? fmt::format("%{{{}", native) : fmt::format("%{}", native);
          const ir::Range name_part{tree.file, macro_range.begin,
                                    macro_range.begin + static_cast<std::uint32_t>((text.substr(0, 2) == "%{" ? 2 : 1) + name.size())};
          d.fix(fmt::format("use %{}", native), ir::Applicability::Safe, {{name_part, replacement}});
        } else if (alone) {
          d.fix("remove the line", ir::Applicability::Safe, {{tree.range(line.line), ""}});
        }
        note_branch(ctx, d, tree.node(line.line).begin);
      }
    }
  });
}

}  // namespace

extern const RuleInfo systemd_macro_flavor_mismatch;  // listed in rules/rules.def
constinit const RuleInfo systemd_macro_flavor_mismatch{
    .id = "systemd-macro-flavor-mismatch",
    .severity = ir::Severity::Warning,
    .summary = "systemd scriptlet macros of another distribution",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports Fedora's systemd scriptlet macros (`%systemd_post`, `%systemd_preun`, `%systemd_postun_with_restart`, `%systemd_postun`, `%systemd_user_*`) in a spec built for a SUSE target, and SUSE's (`%service_add_pre`, `%service_add_post`, `%service_del_preun`, `%service_del_postun`, `%service_del_postun_without_restart`) for a Fedora target. Macros in a branch the target does not take are where they belong and are not reported.)md",
            .why = R"md(Each distribution defines only its own macros (SUSE's also save and restore presets and restart state in its own way). On the other one they stay unexpanded: rpm runs `%systemd_post foo.service` as a shell command, which fails, and the service is never enabled or restarted.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  systemd-rpm-macros

%description
An example package.

%post
%systemd_post example.service

%files
%{_unitdir}/example.service
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  systemd-rpm-macros

%description
An example package.

%post
%if 0%{?suse_version}
%service_add_post example.service
%else
%systemd_post example.service
%endif

%files
%{_unitdir}/example.service
)md",
            .fix_safety = R"md(Safe: the macros map one to one (`%systemd_postun_with_restart` is `%service_del_postun`; `%service_add_pre` has no Fedora counterpart and its line is removed), with the same units as arguments.)md",
            .reference = R"md(openSUSE *Systemd packaging guidelines*; Fedora Packaging Guidelines, "Scriptlets: Systemd".)md",
            .example_target = "opensuse-tumbleweed"},
    .check = check,
};

}  // namespace katalint::rules
