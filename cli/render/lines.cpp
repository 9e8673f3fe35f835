// One-line formats: gcc-style lines and GitHub Actions workflow commands.
#include <fmt/core.h>

#include "cli/render/common.hpp"

namespace katalint::cli::render_detail {
namespace {

// GitHub's toolkit escaping: message data, and property values which also lose ':' and ','.
std::string escape_github(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view github_command(ir::Severity s) {
  switch (s) {
    case ir::Severity::Error: return "error";
    case ir::Severity::Warning: return "warning";
    case ir::Severity::Info: return "notice";
  }
  return "error";
}

}  // namespace

void render_gcc(const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
                std::ostream& out) {
  for (const auto& d : diagnostics) out << gcc_line(d, sources) << '\n';
}

void render_github(const std::vector<ir::Diagnostic>& diagnostics,
                   const ir::SourceManager& sources, std::ostream& out) {
  for (const auto& d : diagnostics) {
    const Location loc = locate(sources, d.range);
    std::string properties;
    if (loc) {
      // GitHub's end position is inclusive.
      const ir::LineColumn last = loc.last_pos();
      properties = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                               escape_github(loc.path(), true), loc.begin_pos.line,
                               loc.begin_pos.column, last.line, last.column);
    }
    properties += "title=" + escape_github(d.rule, true);
    out << "::" << github_command(d.severity) << ' ' << properties
        << "::" << escape_github(d.message, false) << '\n';
  }
}

}  // namespace katalint::cli::render_detail
