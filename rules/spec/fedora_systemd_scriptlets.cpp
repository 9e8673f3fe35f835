// fedora-systemd-scriptlets: units in %files without %systemd_post/_preun/_postun.
#include <map>

#include <fmt/core.h>

#include "rules/spec/support.hpp"

namespace katalint::rules {
namespace {

using namespace spec_support;

bool unit_path(std::string_view path, std::string& unit) {
  for (std::string_view dir : {"%{_unitdir}/", "%_unitdir/", "/usr/lib/systemd/system/"}) {
    if (path.substr(0, dir.size()) != dir) continue;
    const std::string_view name = path.substr(dir.size());
    for (std::string_view suffix : {".service", ".socket", ".timer", ".path"})
      if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix &&
          name.find_first_of("*/@") == std::string_view::npos) {
        unit = std::string(name);
        return true;
      }
  }
  return false;
}

struct Script {
  NodeId first = rpmspec::kNoNode;  // the first header of this scriptlet for the package
  std::string second;               // the text of its bodies
};

struct Wanted {
  std::string_view section, macro;
};
constexpr Wanted kWanted[] = {{"post", "systemd_post"}, {"preun", "systemd_preun"}, {"postun", "systemd_postun"}};

void check(const Context& ctx, Reporter& out) {
  const SyntaxTree& tree = *ctx.spec;
  // Per package: the scriptlet headers, and the text of their bodies.
  std::map<std::string, std::map<std::string, Script>> scripts;
  for (const auto& w : kWanted)
    for (NodeId h : section_headers(ctx, w.section)) {
      auto& slot = scripts[section_package(ctx, h)][std::string(w.section)];
      if (slot.first == rpmspec::kNoNode) slot.first = h;
      const NodeId section = tree.node(h).parent;
      slot.second += std::string(tree.text.substr(tree.node(h).end, tree.node(section).end - tree.node(h).end));
    }
  // Findings per unit; the edits of one package go into one fix (on its first finding), so
  // that insertions at the same place do not wait for one pass each.
  struct Finding {
    NodeId path, line;
    std::string unit, missing;
  };
  std::map<std::string, std::vector<Finding>> findings;
  std::map<std::string, std::map<std::uint32_t, std::string>> inserts;  // package -> offset -> text
  // Scriptlets the package lacks, written once before its %files with the calls of all its units.
  struct NewSections {
    std::uint32_t at = 0;
    std::string spec_of;                       // " -n name" or " name"
    std::map<std::string_view, std::string> calls;  // section -> calls
  };
  std::map<std::string, NewSections> created;
  for_each_line(ctx, [&](const LineInfo& line) {
    if (line.section != "files" || tree.kind(line.line) != SyntaxKind::FileEntry) return;
    for (NodeId path : tree.all_of(SyntaxKind::FilePath, line.line)) {
      std::string unit;
      if (!unit_path(trim(tree.text_of(path)), unit)) continue;
      const std::string package = section_package(ctx, line.header);
      auto& pkg = scripts[package];
      std::string missing;
      for (const auto& w : kWanted) {
        auto& slot = pkg[std::string(w.section)];
        if (slot.second.find(w.macro) != std::string::npos && slot.second.find(unit) != std::string::npos) continue;
        const std::string call = fmt::format("%{}{} {}\n", w.macro, w.section == "postun" ? "_with_restart" : "", unit);
        missing += (missing.empty() ? "%" : ", %") + std::string(w.macro);
        if (slot.first == rpmspec::kNoNode) {
          auto [it, fresh] = created.try_emplace(package);
          if (fresh) {
            it->second.at = tree.node(line.header).begin;
            for (NodeId c : tree.children(line.header)) {
              if (tree.kind(c) == SyntaxKind::SectionName) it->second.spec_of = " " + std::string(trim(tree.text_of(c)));
              if (tree.kind(c) == SyntaxKind::SectionOption) {
                const NodeId flag = tree.child(c, SyntaxKind::Option);
                if (flag != rpmspec::kNoNode && tree.text_of(flag) == "-n")
                  it->second.spec_of = " " + std::string(trim(tree.text_of(c)));
              }
            }
          }
          it->second.calls[w.section] += call;
        } else if (section_interpreter(tree, slot.first).empty()) {
          inserts[package][tree.node(slot.first).end] += call;
        }
        slot.second += call;  // one report per unit
      }
      if (missing.empty()) continue;
      findings[package].push_back({path, line.line, unit, missing});
    }
  });
  for (const auto& [package, sections] : created)
    for (const auto& w : kWanted)
      if (const auto it = sections.calls.find(w.section); it != sections.calls.end())
        inserts[package][sections.at] += fmt::format("%{}{}\n{}\n", w.section, sections.spec_of, it->second);
  for (const auto& [package, list] : findings) {
    bool first = true;
    for (const Finding& f : list) {
      auto d = out.report(tree.range(f.path), fmt::format("{} is not handled by {} in its scriptlets", f.unit, f.missing));
      if (first && !inserts[package].empty()) {
        std::vector<ir::Edit> edits;
        for (const auto& [at, text] : inserts[package]) edits.push_back({{tree.file, at, at}, text});
        d.fix("add the systemd scriptlet macros", ir::Applicability::Safe, std::move(edits));
      }
      first = false;
      note_branch(ctx, d, tree.node(f.line).begin);
    }
  }
}

}  // namespace

extern const RuleInfo fedora_systemd_scriptlets;  // listed in rules/rules.def
constinit const RuleInfo fedora_systemd_scriptlets{
    .id = "fedora-systemd-scriptlets",
    .severity = ir::Severity::Warning,
    .summary = "a systemd unit without the systemd scriptlet macros Fedora requires",
    .kinds = kSpecFiles,
    .families = kFedora,
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(For each `.service`, `.socket`, `.timer` or `.path` unit listed under `%{_unitdir}` in a package's `%files` (any branch), reports when that package's `%post`, `%preun` and `%postun` do not call `%systemd_post`, `%systemd_preun` and `%systemd_postun_with_restart` (or `%systemd_postun`) with the unit.)md",
            .why = R"md(Fedora's guidelines require these macros: they apply the distribution's presets on installation, stop the unit on removal and restart it after an update. Hand-written `systemctl` calls get one of these wrong.)md",
            .example = R"md(Name:           example
Version:        1.0
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  systemd-rpm-macros

%description
An example package.

%post
systemctl daemon-reload

%files
%{_unitdir}/example.service
)md",
            .use_instead = R"md(Name:           example
Version:        1.0
Release:        1%{?dist}
Summary:        Example package
License:        MIT
URL:            https://example.org
BuildRequires:  systemd-rpm-macros

%description
An example package.

%post
%systemd_post example.service

%preun
%systemd_preun example.service

%postun
%systemd_postun_with_restart example.service

%files
%{_unitdir}/example.service
)md",
            .fix_safety = R"md(Safe: the macros are what the guidelines prescribe and only act on the package's own unit; they are added to the existing shell scriptlets or in new ones before `%files`. Scriptlets with another interpreter get no fix.)md",
            .reference = R"md(Fedora Packaging Guidelines, "Scriptlets: Systemd".)md"},
    .check = check,
};

}  // namespace katalint::rules
