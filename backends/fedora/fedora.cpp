#include "backends/fedora/fedora.hpp"

#include <fmt/core.h>

#include "backends/common/files.hpp"
#include "backends/common/rpm_spec.hpp"

namespace katalint::backends::fedora {
namespace {

std::string tag_line(std::string_view tag, std::string_view value) {
  std::string head = std::string(tag) + ":";
  if (head.size() < 16) head.resize(16, ' ');
  else head += ' ';
  return head + std::string(value);
}

// `* Www Mmm DD YYYY Name <email> - version` entries, newest first.
std::string classic_changelog(const std::vector<ChangeEntry>& entries, std::string_view own_version) {
  std::string out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    const std::string version = i == 0 ? std::string(own_version) : e.version;
    out += "* " + format_utc(e.time, "%a %b %d %Y") + " " + e.author + (version.empty() ? "" : " - " + version) + "\n";
    for (const auto& line : e.lines) out += line + "\n";
    out += "\n";
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace

EmittedFiles emit(const ConvertInput& input, const ConvertOptions& options, ir::DiagnosticSink& sink) {
  const auto& pd = input.package;
  if (!pd.spec && !pd.control && !pd.dsc) {
    sink.report("convert-no-spec", ir::Severity::Error, {},
                fmt::format("{}: no spec to convert: the Fedora backend reads a spec, a spec template or a Debian control file", pd.dir));
    return {};
  }
  RpmTargetStyle style;
  style.flavor = RpmFlavor::Fedora;
  style.display_name = "Fedora";
  style.release = options.classic_release ? "1%{?dist}" : "%autorelease";
  style.tag_line = tag_line;
  style.unit_scriptlets = {{"post", "%systemd_post"}, {"preun", "%systemd_preun"},
                           {"postun", "%systemd_postun_with_restart"}};
  style.unit_requires = "%{?systemd_requires}";
  style.keeps_group = false;
  style.drops_vendor = true;
  if (auto scm = scm_checkout(pd)) {
    style.homepage = scm->homepage;
    if (!scm->revision.empty()) style.source_url_prefix = scm->homepage + "/archive/" + scm->revision + "/";
  }
  const auto entries = collect_changelog(input, options, "Fedora", sink);
  if (options.classic_release) {
    style.changelog_body = classic_changelog(entries, (pd.spec ? pd.spec->version : pd.merged.version) + "-1");
  } else {
    style.changelog_body = "%autochangelog\n";
    if (entries.size() > 1)
      sink.report("convert-changelog-lossy", ir::Severity::Info, {},
                  "%autochangelog writes the changelog from git history: the input's entries belong in the "
                  "first commit's message (or use --classic-release)");
  }
  const RpmSpecResult spec =
      pd.spec ? convert_rpm_spec(input, options, style, sink) : spec_from_debian(input, options, style, sink);
  if (!is_plain_file_name(spec.name)) {
    sink.report("convert-bad-name", ir::Severity::Error, {}, fmt::format("package name '{}' cannot name a file", spec.name));
    return {};
  }
  EmittedFiles files;
  files.push_back({spec.name + ".spec", spec.text, false});
  if (!spec.prebuilt_image && pd.spec)
    for (auto& f : referenced_local_files(input, sink)) files.push_back(std::move(f));
  return files;
}

}  // namespace katalint::backends::fedora
