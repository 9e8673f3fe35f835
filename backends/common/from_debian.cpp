#include <cctype>
#include <string>

#include <fmt/core.h>

#include "backends/common/rpm_spec.hpp"

namespace katalint::backends {
namespace {

// "1:2.3-4ubuntu1" -> "2.3": rpm keeps the epoch apart and writes its own release.
std::string upstream_version(std::string_view version) {
  if (const auto colon = version.find(':'); colon != std::string_view::npos) version.remove_prefix(colon + 1);
  if (const auto dash = version.rfind('-'); dash != std::string_view::npos) version = version.substr(0, dash);
  return std::string(version);
}

std::string rpm_operator(std::string_view op) {
  if (op == "<<") return "<";
  if (op == ">>") return ">";
  return std::string(op);
}

// Debian's own build tooling and substitution variables have no rpm counterpart: rpm finds
// library dependencies itself.
bool debian_only(std::string_view name) {
  return name == "debhelper" || name == "debhelper-compat" || name.rfind("dh-", 0) == 0 ||
         name.rfind("${", 0) == 0 || name == "dpkg-dev" || name == "lsb-release";
}

void relation_lines(const std::vector<ir::Dependency>& deps, const RpmTargetStyle& style, std::string& out,
                    ir::DiagnosticSink& sink) {
  for (const auto& d : deps) {
    std::string_view tag;
    switch (d.kind) {
      case ir::DepKind::BuildRequires: tag = "BuildRequires"; break;
      case ir::DepKind::BuildConflicts: tag = "BuildConflicts"; break;
      case ir::DepKind::Requires: case ir::DepKind::PreDepends: tag = "Requires"; break;
      case ir::DepKind::Recommends: tag = "Recommends"; break;
      case ir::DepKind::Suggests: tag = "Suggests"; break;
      case ir::DepKind::Conflicts: case ir::DepKind::Breaks: tag = "Conflicts"; break;
      case ir::DepKind::Provides: tag = "Provides"; break;
      case ir::DepKind::Replaces: tag = "Obsoletes"; break;
      default: continue;
    }
    if (debian_only(d.name)) {
      sink.report("convert-dependency-dropped", ir::Severity::Info, d.range,
                  fmt::format("'{}' is Debian build tooling or a substitution variable: rpm needs no counterpart",
                              d.name));
      continue;
    }
    if (!d.alternatives.empty())
      sink.report("convert-dependency-unmapped", ir::Severity::Warning, d.range,
                  fmt::format("'{}' has Debian alternatives: only the first is kept", d.name));
    const MappedName mapped = map_rpm_dependency(d.name, style.flavor);
    if (mapped.kind == MappedName::Kind::Unmapped)
      sink.report("convert-dependency-unmapped", ir::Severity::Warning, d.range,
                  fmt::format("no {} name is known for the Debian package '{}' (data/backends/rpm-names.tsv): kept "
                              "as written, a human must check it",
                              style.display_name, d.name));
    if (mapped.kind == MappedName::Kind::Dropped) continue;
    std::string entry = mapped.name;
    if (!d.op.empty()) {
      std::string evr;
      if (d.evr == "${binary:Version}" || d.evr == "${source:Version}") evr = "%{version}-%{release}";
      else if (d.evr == "${source:Upstream-Version}") evr = "%{version}";
      else if (d.evr.find("${") == std::string::npos) evr = upstream_version(d.evr);
      if (evr.empty())
        sink.report("convert-dependency-unmapped", ir::Severity::Warning, d.range,
                    fmt::format("'{}' has no rpm counterpart: the version constraint is dropped", d.evr));
      else
        entry += " " + rpm_operator(d.op) + " " + evr;
    }
    out += style.tag_line(tag, entry) + "\n";
  }
}

}  // namespace

RpmSpecResult spec_from_debian(const ConvertInput& input, const ConvertOptions&, const RpmTargetStyle& style,
                               ir::DiagnosticSink& sink) {
  RpmSpecResult result;
  const auto& pd = input.package;
  const ir::Package& control = pd.control ? *pd.control : *pd.dsc;
  result.name = control.name;
  std::string version = control.version;
  if (pd.debian_changelog && !pd.debian_changelog->entries.empty()) version = pd.debian_changelog->entries.front().version;
  result.version = upstream_version(version);
  const ir::Range where = control.packages.empty() ? ir::Range{control.file, 0, 0} : control.packages.front().range;
  if (result.version.empty()) {
    result.version = "0";
    sink.report("convert-debian-needs-human", ir::Severity::Warning, where,
                "no version in the Debian changelog: Version: 0 is written");
  }
  const ir::BinaryPackage* main = control.packages.empty() ? nullptr : &control.packages.front();
  std::string t = style.header;
  t += style.tag_line("Name", result.name) + "\n";
  t += style.tag_line("Version", result.version) + "\n";
  t += style.tag_line("Release", style.release) + "\n";
  std::string summary = main ? main->summary : result.name;
  while (!summary.empty() && summary.back() == '.') summary.pop_back();
  if (!summary.empty()) summary.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(summary.front())));
  t += style.tag_line("Summary", summary.empty() ? result.name : summary) + "\n";
  // debian/copyright names licences per file; the package's SPDX expression needs a human.
  t += style.tag_line("License", "MIT") + "\n";
  sink.report("convert-debian-needs-human", ir::Severity::Warning, where,
              "the licence comes from debian/copyright, which is not read: License: MIT is a placeholder to correct");
  if (style.keeps_group) t += style.tag_line("Group", "Development/Tools") + "\n";
  if (!control.url.empty()) t += style.tag_line("URL", control.url) + "\n";
  t += "# katalint: disable=source-without-url the upstream archive of the Debian source package\n";
  t += style.tag_line("Source0", "%{name}-%{version}.tar.gz") + "\n";
  relation_lines(control.build_dependencies, style, t, sink);
  if (main) relation_lines(main->dependencies, style, t, sink);
  t += "\n%description\n" + (main && main->has_description ? main->description : summary) + "\n";
  for (std::size_t i = 1; i < control.packages.size(); ++i) {
    const auto& b = control.packages[i];
    t += "\n%package -n " + b.name + "\n";
    t += style.tag_line("Summary", b.summary.empty() ? b.name : b.summary) + "\n";
    relation_lines(b.dependencies, style, t, sink);
    t += "\n%description -n " + b.name + "\n" + (b.has_description ? b.description : b.summary) + "\n";
  }
  t += "\n%prep\n%autosetup\n\n%build\n%make_build\n\n%install\n%make_install\n\n%files\n%license LICENSE\n";
  for (std::size_t i = 1; i < control.packages.size(); ++i) t += "\n%files -n " + control.packages[i].name + "\n";
  sink.report("convert-debian-needs-human", ir::Severity::Warning,
              pd.debian_rules ? ir::Range{pd.debian_rules->file, 0, 0} : where,
              "debian/rules and the .install files are not converted: %build, %install and %files are a "
              "make-based draft");
  t += "\n%changelog\n" + style.changelog_body;
  result.text = std::move(t);
  return result;
}

}  // namespace katalint::backends
