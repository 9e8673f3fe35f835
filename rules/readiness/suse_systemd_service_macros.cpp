// suse-systemd-service-macros: a SUSE spec ships systemd units without the %service_* scriptlets.
#include <fmt/core.h>

#include <array>
#include <optional>
#include <string>

#include "rules/readiness/support.hpp"

namespace katalint::rules {
namespace {

using namespace readiness_support;

constexpr std::array<std::string_view, 5> kUnitSuffixes = {".service", ".socket", ".timer", ".path", ".target"};
constexpr std::array<std::string_view, 4> kMacros = {"service_add_pre", "service_add_post", "service_del_preun",
                                                     "service_del_postun"};

constexpr std::array<std::string_view, 2> kOrdering = {"systemd_ordering", "systemd_requires"};

// For each name, whether the text calls it as %NAME, %{NAME or %{?NAME (a prefix match, as
// grep would); one pass over the text's '%'s.
template <std::size_t N>
std::array<bool, N> calls(std::string_view text, const std::array<std::string_view, N>& names) {
  std::array<bool, N> found{};
  for (std::size_t at = text.find('%'); at != std::string_view::npos; at = text.find('%', at + 1)) {
    std::string_view rest = text.substr(at + 1);
    if (starts_with(rest, "{?"))
      rest.remove_prefix(2);
    else if (starts_with(rest, "{"))
      rest.remove_prefix(1);
    if (rest.empty()) continue;
    for (std::size_t i = 0; i < N; ++i) found[i] = found[i] || (rest[0] == names[i][0] && starts_with(rest, names[i]));
  }
  return found;
}

// "%service_add_pre, ..." for the macros the spec never calls.
std::string missing_macros(std::string_view text) {
  const auto called = calls(text, kMacros);
  std::string missing;
  for (std::size_t i = 0; i < kMacros.size(); ++i) {
    if (called[i]) continue;
    if (!missing.empty()) missing += ", ";
    missing += "%";
    missing += kMacros[i];
  }
  return missing;
}

void check(const Context& ctx, Reporter& out) {
  std::optional<std::string> missing;  // looked for at the first unit: most specs have none
  bool units = false;
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.section != "files" || line.kind == rpmspec::SyntaxKind::SectionHeader) return;
    const std::string_view t = line.text;
    for (const std::string_view dir : {std::string_view("%{_unitdir}/"), std::string_view("/usr/lib/systemd/system/"),
                                       std::string_view("%_unitdir/")}) {
      const std::size_t at = t.find(dir);
      if (at == std::string_view::npos) continue;
      std::size_t e = at + dir.size();
      while (e < t.size() && t[e] != ' ' && t[e] != '\t') ++e;
      const std::string_view path = t.substr(at, e - at);
      const std::string_view unit = path.substr(dir.size());
      bool is_unit = false;
      for (const std::string_view s : kUnitSuffixes) is_unit = is_unit || ends_with(unit, s);
      if (!is_unit || unit.find('/') != std::string_view::npos) continue;
      units = true;
      if (!missing) missing = missing_macros(ctx.file.text());
      if (!missing->empty())
        out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(at), path.size()),
                   fmt::format("systemd unit '{}' is packaged without {}", unit, *missing));
      return;
    }
  });
  if (!units) return;
  const auto ordering = calls(ctx.file.text(), kOrdering);
  if (ordering[0] || ordering[1]) return;
  // The units' scriptlets need systemd's rpm macros and the ordering on systemd at install
  // time; `BuildRequires: systemd` gives neither.
  for_each_text_line(ctx, [&](const TextLine& line) {
    if (line.kind != rpmspec::SyntaxKind::Tag || !line.section.empty() ||
        !spec_support::tag_is(*ctx.spec, line.node, "buildrequires"))
      return;
    const std::string_view t = line.text;
    const std::size_t colon = t.find(':');
    if (colon == std::string_view::npos) return;
    for (std::size_t at = t.find("systemd", colon); at != std::string_view::npos; at = t.find("systemd", at + 1)) {
      const auto [b, e] = token_around(t, at);
      if (t.substr(b, e - b) != "systemd" || (b > 0 && t[b - 1] == '(')) continue;  // not pkgconfig(systemd)
      out.report(range_at(ctx, line.begin + static_cast<std::uint32_t>(b), e - b),
                 "the spec packages systemd units with 'BuildRequires: systemd' and no %{?systemd_ordering}; "
                 "build-require pkgconfig(systemd) (or systemd-rpm-macros) and add %{?systemd_ordering}");
      return;
    }
  });
}

}  // namespace

extern const RuleInfo suse_systemd_service_macros;  // listed in rules/rules.def
constinit const RuleInfo suse_systemd_service_macros{
    .id = "suse-systemd-service-macros",
    .severity = ir::Severity::Warning,
    .summary = "systemd units are packaged without the %service_* scriptlet macros",
    .families = kSuse,
    .aliases = "systemd-unit-without-service-macros",
    .doc = {.what = R"md(Reports each `*.service`, `*.socket`, `*.timer`, `*.path` or `*.target` file listed in `%files` under `%{_unitdir}` or `/usr/lib/systemd/system` when the spec never calls one of `%service_add_pre`, `%service_add_post`, `%service_del_preun`, `%service_del_postun`; the message names the missing ones. The finding is at the unit's path. A spec that packages units, has no `%{?systemd_ordering}` (or `%{?systemd_requires}`) and build-requires plain `systemd` is also reported at that dependency.)md",
            .why = R"md(On SUSE these macros register a new unit with the presets, restart it on update and stop and disable it on removal. Without them an installed service is never enabled by the presets and keeps running after the package is gone. The macros come from systemd's rpm macros (`pkgconfig(systemd)` or `systemd-rpm-macros` in the build root), and `%{?systemd_ordering}` makes sure systemd is installed before the scriptlets run; `BuildRequires: systemd` pulls the whole of systemd into the build root and orders nothing.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org

%description
An example package.

%files
%{_unitdir}/example.service
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  pkgconfig(systemd)
%{?systemd_ordering}

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
            .fix_safety = R"md(No fix: the scriptlets may already exist with other content, and each must name the units.)md",
            .reference = R"md(openSUSE *Systemd packaging guidelines*; openSUSE rpmlint-checks (`systemd-service-without-service_add_pre` and the others).)md"},
    .check = check,
};

}  // namespace katalint::rules
