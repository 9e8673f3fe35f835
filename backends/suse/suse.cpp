#include "backends/suse/suse.hpp"

#include <optional>

#include <fmt/core.h>

#include "backends/common/files.hpp"
#include "backends/common/rpm_spec.hpp"
#include "backends/suse/layout.hpp"

namespace katalint::backends::suse {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool downloads_go_toolchain(const frontend::obs::ObsService& service) {
  for (const auto& p : service.params)
    if ((p.name == "path" || p.name == "file") && p.value.find("go") != std::string::npos &&
        p.value.find(".linux-") != std::string::npos)
      return true;
  return false;
}

// The compression of the spec's first source tarball ("gz" for x.tar.gz).
std::string tarball_compression(const ir::Package& spec) {
  for (const auto& s : spec.sources) {
    if (s.is_patch) continue;
    const auto pos = s.value.rfind(".tar.");
    if (pos != std::string::npos) return s.value.substr(pos + 5);
    break;
  }
  return "gz";
}

std::string param_line(std::string_view name, std::string_view value) {
  return fmt::format("    <param name=\"{}\">{}</param>\n", xml_escape(name), xml_escape(value));
}

// A devel-project _service: the upstream checkout runs by hand (mode manual) and is
// committed as .obscpio, set_version writes its version into the spec, and the tarball the
// spec names is rebuilt at build time. Toolchain downloads are dropped.
std::optional<std::string> service_text(const ConvertInput& input, ir::DiagnosticSink& sink) {
  const auto& pd = input.package;
  if (!pd.service) return std::nullopt;
  std::string body;
  bool scm = false;
  for (const auto& s : pd.service->services) {
    if (downloads_go_toolchain(s)) {
      sink.report("convert-go-toolchain-dropped", ir::Severity::Info, s.range,
                  fmt::format("'{}' fetches a Go toolchain: dropped, the spec builds with openSUSE's Go", s.name));
      continue;
    }
    if (s.name == "tar_scm" || s.name == "obs_scm") {
      if (s.name == "tar_scm")
        sink.report("convert-service-renamed", ir::Severity::Info, s.range,
                    "tar_scm is deprecated: obs_scm (mode manual) with tar and recompress at build time replaces it");
      scm = true;
      body += "  <service name=\"obs_scm\" mode=\"manual\">\n";
      for (const auto& p : s.params) body += param_line(p.name, p.value);
      body += "  </service>\n";
      continue;
    }
    if (s.name == "recompress" || s.name == "tar" || s.name == "set_version") continue;  // written below
    std::string mode = s.mode;
    if (mode != "manual" && mode != "buildtime") {
      sink.report("convert-service-mode", ir::Severity::Info, s.range,
                    fmt::format("service '{}' runs in mode manual: openSUSE accepts only manual and buildtime", s.name));
      mode = "manual";
    }
    body += fmt::format("  <service name=\"{}\" mode=\"{}\">\n", xml_escape(s.name), mode);
    for (const auto& p : s.params) {
      std::string value = p.value;
      if (const auto at = value.find('@'); at != std::string::npos && value.find('@', at + 1) != std::string::npos)
        sink.report("convert-unbound-placeholder", ir::Severity::Warning, p.range,
                    fmt::format("'{}' still holds a placeholder: give its value in --values", value));
      // Manual services write plain file names, without the _service:NAME: prefix.
      if (p.name == "file" && starts_with(value, "_service:")) {
        const auto colon = value.find(':', 9);
        if (colon != std::string::npos) value = value.substr(colon + 1);
      }
      body += param_line(p.name, value);
    }
    body += "  </service>\n";
  }
  if (scm) {
    body += "  <service name=\"set_version\" mode=\"manual\"/>\n";
    body += "  <service name=\"tar\" mode=\"buildtime\"/>\n";
    body += "  <service name=\"recompress\" mode=\"buildtime\">\n";
    body += param_line("file", "*.tar");
    body += param_line("compression", tarball_compression(*pd.spec));
    body += "  </service>\n";
  }
  if (body.empty()) return std::nullopt;
  return "<services>\n" + body + "</services>\n";
}

}  // namespace

EmittedFiles emit(const ConvertInput& input, const ConvertOptions& options, ir::DiagnosticSink& sink) {
  EmittedFiles files;
  const auto& pd = input.package;
  if (!pd.spec && !pd.control && !pd.dsc) {
    sink.report("convert-no-spec", ir::Severity::Error, {},
                fmt::format("{}: no spec to convert: the SUSE backend reads a spec, a spec template or a Debian control file", pd.dir));
    return files;
  }
  const int year = std::stoi(format_utc(options.timestamp, "%Y"));
  RpmTargetStyle style;
  style.flavor = RpmFlavor::Suse;
  style.display_name = "openSUSE";
  style.release = "0";
  style.header = copyright_header(pd.spec ? pd.spec->name : pd.merged.name, year);
  style.tag_line = tag_line;
  style.unit_scriptlets = {{"pre", "%service_add_pre"},
                           {"post", "%service_add_post"},
                           {"preun", "%service_del_preun"},
                           {"postun", "%service_del_postun"}};
  style.unit_requires = "%{?systemd_ordering}";
  style.keeps_group = true;
  style.drops_vendor = true;
  if (auto scm = scm_checkout(pd)) style.homepage = scm->homepage;

  const RpmSpecResult spec =
      pd.spec ? convert_rpm_spec(input, options, style, sink) : spec_from_debian(input, options, style, sink);
  if (!is_plain_file_name(spec.name)) {
    sink.report("convert-bad-name", ir::Severity::Error, {},
                fmt::format("package name '{}' cannot name a file", spec.name));
    return {};
  }
  files.push_back({spec.name + ".spec", spec.text, false});
  files.push_back({spec.name + ".changes", changes_text(collect_changelog(input, options, "openSUSE", sink)), false});
  if (spec.prebuilt_image) {
    // The guest image is built from osbuilder and the agent at the same release.
    std::string body = "<services>\n";
    for (std::string_view repo : {"osbuilder", "agent"}) {
      body += "  <service name=\"obs_scm\" mode=\"manual\">\n";
      body += param_line("scm", "git");
      body += param_line("url", fmt::format("https://github.com/kata-containers/{}.git", repo));
      body += param_line("filename", repo);
      body += param_line("revision", spec.version);
      body += param_line("versionformat", spec.version);
      body += "  </service>\n";
    }
    body += "  <service name=\"set_version\" mode=\"manual\"/>\n";
    body += "  <service name=\"tar\" mode=\"buildtime\"/>\n";
    body += "  <service name=\"recompress\" mode=\"buildtime\">\n";
    body += param_line("file", "*.tar");
    body += param_line("compression", "gz");
    body += "  </service>\n</services>\n";
    files.push_back({"_service", body, false});
  } else if (auto service = pd.spec ? service_text(input, sink) : std::nullopt) {
    files.push_back({"_service", *service, false});
  }
  if (!spec.prebuilt_image && pd.spec)
    for (auto& f : referenced_local_files(input, sink)) files.push_back(std::move(f));
  return files;
}

}  // namespace katalint::backends::suse
