#include "backends/common/files.hpp"

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <fmt/core.h>

#include "frontend/file_kind.hpp"

namespace katalint::backends {

bool is_plain_file_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos &&
         name.find('\0') == std::string_view::npos;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

std::optional<ScmCheckout> scm_checkout(const frontend::PackageDirectory& package) {
  if (!package.service) return std::nullopt;
  for (const auto& s : package.service->services) {
    if (s.name != "tar_scm" && s.name != "obs_scm") continue;
    ScmCheckout out;
    for (const auto& p : s.params) {
      if (p.name == "url") out.url = p.value;
      if (p.name == "revision") out.revision = p.value;
    }
    if (out.url.empty()) continue;
    out.homepage = out.url;
    if (out.homepage.size() > 4 && out.homepage.substr(out.homepage.size() - 4) == ".git")
      out.homepage.resize(out.homepage.size() - 4);
    return out;
  }
  return std::nullopt;
}

// An rpmlintrc whose setBadness('check', N) calls become addFilter("check"): Factory refuses
// setBadness (obs-rpmlintrc-set-badness), and a filter hides the same finding.
std::string without_set_badness(const std::string& text) {
  static const std::regex set_badness(R"re(setBadness\(\s*(['"])([^'"]+)\1\s*,\s*-?[0-9]+\s*\))re");
  return std::regex_replace(text, set_badness, "addFilter(\"$2\")");
}

EmittedFiles referenced_local_files(const ConvertInput& input, ir::DiagnosticSink& sink) {
  EmittedFiles out;
  if (!input.package.spec) return out;
  namespace fs = std::filesystem;
  for (const auto& source : input.package.spec->sources) {
    const std::string name = fs::path(source.value).filename().string();
    if (!is_plain_file_name(name) || source.value.find("://") != std::string::npos) continue;
    if (name.find('%') != std::string::npos || name.find('@') != std::string::npos) continue;  // not known yet
    bool found = false;
    for (const auto& f : input.package.files) {
      if (fs::path(f.path).filename().string() != name) continue;
      found = true;
      if (frontend::is_template_path(f.path)) continue;
      std::ifstream in(f.path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      if (!in) {
        sink.report("convert-source-unreadable", ir::Severity::Warning, source.range,
                    fmt::format("'{}' cannot be read and is not copied", f.path));
        continue;
      }
      std::string content = text.str();
      if (name.size() >= 9 && name.substr(name.size() - 9) == "rpmlintrc") {
        const std::string filtered = without_set_badness(content);
        if (filtered != content)
          sink.report("convert-rpmlintrc-filter", ir::Severity::Info, source.range,
                      fmt::format("setBadness in '{}' becomes addFilter: Factory accepts only filters", name));
        content = filtered;
      }
      out.push_back({name, std::move(content), false});
    }
    // A file generated outside the home project (by a release script) must be added by hand.
    const bool from_service = input.package.service.has_value() && frontend::is_archive_name(name);
    if (!found && !from_service && source.value.find('/') == std::string::npos)
      sink.report("convert-source-missing", ir::Severity::Warning, source.range,
                  fmt::format("source '{}' is not in the package directory: add it to the converted package", name));
  }
  return out;
}

}  // namespace katalint::backends
