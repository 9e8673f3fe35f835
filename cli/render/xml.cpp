// XML formats for CI dashboards: checkstyle and JUnit.
#include <fmt/core.h>

#include <algorithm>

#include "cli/render/common.hpp"

namespace katalint::cli::render_detail {
namespace {

// Escapes for XML 1.0 text or attribute values. Characters XML cannot carry at all
// (most C0 controls, U+FFFE, U+FFFF) and invalid UTF-8 become U+FFFD. Whitespace in
// attributes is written as character references so parsers do not normalise it away.
std::string xml_escape(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto cp = next_code_point(s, i);
    if (!cp) {
      append_utf8(out, 0xFFFD);
      continue;
    }
    switch (*cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += attribute ? "&quot;" : "\""; continue;
      case '\'': out += attribute ? "&apos;" : "'"; continue;
      case '\t': out += attribute ? "&#9;" : "\t"; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; continue;
      case '\r': out += "&#13;"; continue;
      default: break;
    }
    if (*cp < 0x20 || *cp == 0xFFFE || *cp == 0xFFFF)
      append_utf8(out, 0xFFFD);
    else
      append_utf8(out, *cp);
  }
  return out;
}

std::string attr(std::string_view s) { return xml_escape(s, true); }

constexpr std::string_view kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

}  // namespace

void render_checkstyle(const std::vector<ir::Diagnostic>& diagnostics,
                       const ir::SourceManager& sources, const RenderOptions& options,
                       std::ostream& out) {
  out << kXmlDeclaration << "<checkstyle version=\"4.3\">\n";
  // Diagnostics without a location go in a file element with an empty name.
  for (const auto& group : group_by_file(diagnostics, sources, options.files)) {
    if (group.diagnostics.empty()) {
      out << "  <file name=\"" << attr(group.path) << "\"/>\n";
      continue;
    }
    out << "  <file name=\"" << attr(group.path) << "\">\n";
    for (const auto* d : group.diagnostics) {
      out << "    <error";
      if (const Location loc = locate(sources, d->range))
        out << fmt::format(" line=\"{}\" column=\"{}\"", loc.begin_pos.line, loc.begin_pos.column);
      out << " severity=\"" << ir::to_string(d->severity) << "\" message=\"" << attr(d->message)
          << "\" source=\"katalint." << attr(d->rule) << "\"/>\n";
    }
    out << "  </file>\n";
  }
  out << "</checkstyle>\n";
}

void render_junit(const std::vector<ir::Diagnostic>& diagnostics,
                  const ir::SourceManager& sources, const RenderOptions& options,
                  std::ostream& out) {
  // One test case per linted file; any diagnostic fails it, whatever its severity.
  const auto groups = group_by_file(diagnostics, sources, options.files);
  std::size_t failures = 0;
  for (const auto& g : groups) failures += g.diagnostics.empty() ? 0 : 1;
  const std::string counts =
      fmt::format("tests=\"{}\" failures=\"{}\" errors=\"0\"", groups.size(), failures);

  out << kXmlDeclaration << "<testsuites name=\"katalint\" " << counts << ">\n"
      << "  <testsuite name=\"katalint\" " << counts << ">\n";
  for (const auto& group : groups) {
    out << "    <testcase classname=\"katalint\" name=\"" << attr(group.path) << '"';
    if (group.diagnostics.empty()) {
      out << "/>\n";
      continue;
    }
    // type lists the rules in order of first appearance.
    Counts counts_here;
    std::vector<std::string_view> rules;
    for (const auto* d : group.diagnostics) {
      counts_here.add(*d);
      if (std::find(rules.begin(), rules.end(), d->rule) == rules.end()) rules.push_back(d->rule);
    }
    std::string type;
    for (auto r : rules) type += fmt::format("{}{}", type.empty() ? "" : ",", r);
    out << ">\n      <failure message=\"" << attr(describe(counts_here)) << "\" type=\""
        << attr(type) << "\">";
    for (const auto* d : group.diagnostics) out << xml_escape(gcc_line(*d, sources), false) << '\n';
    out << "</failure>\n    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace katalint::cli::render_detail
