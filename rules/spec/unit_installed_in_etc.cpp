// unit-installed-in-etc: a systemd unit installed to or listed under /etc/systemd/system.
#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool unit_file(std::string_view rest) {
  std::size_t end = rest.find_first_of(" \t\"';");
  if (end == std::string_view::npos) end = rest.size();
  const std::string_view path = rest.substr(0, end);
  for (std::string_view suffix : {".service", ".socket", ".timer", ".path", ".target", ".mount", ".automount",
                                  ".slice", ".swap", "*"})
    if (path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix) return true;
  return false;
}

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  for_each_line(ctx, [&](const LineInfo& line) {
    const bool files = line.section == "files" && tree.kind(line.line) == SyntaxKind::FileEntry;
    if (!files && !(line.section == "install" && tree.kind(line.line) == SyntaxKind::BodyLine)) return;
    const ir::Range r = without_newline(tree, line.line);
    const std::string_view text = tree.text.substr(r.begin, r.end - r.begin);
    if (files && text.find("%ghost") != std::string_view::npos) return;
    for (std::string_view prefix : {"%{_sysconfdir}/systemd/system/", "%_sysconfdir/systemd/system/", "/etc/systemd/system/"}) {
      const std::size_t at = text.find(prefix);
      if (at == std::string_view::npos) continue;
      // /etc/systemd/system inside %{_sysconfdir} is matched by the first form only.
      if (prefix.front() == '/' && at > 0 && text[at - 1] == '}') continue;
      if (!unit_file(text.substr(at + prefix.size()))) continue;
      const auto begin = r.begin + static_cast<std::uint32_t>(at);
      const ir::Range dir{tree.file, begin, begin + static_cast<std::uint32_t>(prefix.size() - 1)};
      auto d = out.report(dir, "systemd units belong in %{_unitdir}; /etc/systemd/system is for the administrator");
      d.fix("install into %{_unitdir}", ir::Applicability::Safe, {{dir, "%{_unitdir}"}});
      note_branch(ctx, d, r.begin);
      return;
    }
  });
}

}  // namespace

extern const RuleInfo unit_installed_in_etc;  // listed in rules/rules.def
constinit const RuleInfo unit_installed_in_etc{
    .id = "unit-installed-in-etc",
    .severity = ir::Severity::Error,
    .summary = "a systemd unit installed under /etc/systemd/system",
    .kinds = kSpecFiles,
    .families = kAllFamilies,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports a unit file (`.service`, `.socket`, `.timer`, `.path`, `.target`, `.mount`, ...) installed in `%install` or listed in `%files` under `%{_sysconfdir}/systemd/system` or `/etc/systemd/system`, in any branch. `%ghost` entries are exempt.)md",
            .why = R"md(`/etc/systemd/system` belongs to the administrator: units there override the packaged ones in `%{_unitdir}`, so a packaged unit in `/etc` cannot be overridden locally and `systemctl edit --full` edits a file rpm owns. openSUSE's systemd guidelines and rpmlint's `systemd-unit-in-etc` say the same.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source1:        example.service

%description
An example package.

%install
install -D -m 0644 %{SOURCE1} %{buildroot}%{_sysconfdir}/systemd/system/example.service

%files
%{_sysconfdir}/systemd/system/example.service
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        0
Summary:        Example package
License:        MIT
URL:            https://example.org
Source1:        example.service

%description
An example package.

%install
install -D -m 0644 %{SOURCE1} %{buildroot}%{_unitdir}/example.service

%files
%{_unitdir}/example.service
)md",
            .fix_safety = R"md(Safe: the unit moves to `%{_unitdir}`, where systemd reads it with lower precedence; the install line and the `%files` line change together when both are reported.)md",
            .reference = R"md(openSUSE *Systemd packaging guidelines*; rpmlint `systemd-unit-in-etc` (built packages only).)md"},
    .check = check,
};

}  // namespace katalint::rules
