#include "backends/common/values.hpp"

#include <vector>

#include <fmt/core.h>

namespace katalint::backends {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

ProjectValues parse_project_values(ir::SourceManager& sources, ir::FileId id, ir::DiagnosticSink& sink) {
  const ir::SourceFile& file = sources.file(id);
  // Each section is read by the shared KEY=VALUE reader from a copy of the file in which
  // every other line is blank, so positions stay those of the file.
  std::vector<int> section_of_line(file.line_count() + 1, 0);  // index into `order`; -1: header
  std::vector<std::string> order{""};
  for (std::uint32_t line = 1; line <= file.line_count(); ++line) {
    const std::string_view text = trim(file.line_text(line));
    if (!text.empty() && text.front() == '[') {
      if (text.back() != ']' || text.size() < 3) {
        const auto begin = file.line_start(line);
        sink.report("values-file-syntax", ir::Severity::Error,
                    {id, begin, begin + static_cast<std::uint32_t>(file.line_text(line).size())},
                    "expected a [package] section header");
      }
      order.emplace_back(trim(text.substr(1, text.size() >= 2 ? text.size() - 2 : 0)));
      section_of_line[line] = -1;
      continue;
    }
    section_of_line[line] = static_cast<int>(order.size()) - 1;
  }
  ProjectValues out;
  for (std::size_t index = 0; index < order.size(); ++index) {
    const std::string& section = order[index];
    std::string text;
    for (std::uint32_t line = 1; line <= file.line_count(); ++line) {
      // Other sections' lines become blanks of the same length, so offsets are the file's.
      const std::string_view line_text = file.line_text(line);
      if (section_of_line[line] == static_cast<int>(index)) text += line_text;
      else text.append(line_text.size(), ' ');
      text += '\n';
    }
    const ir::FileId copy = sources.add(file.path(), text);
    auto values = frontend::parse_values_file(sources.file(copy), sink);
    // Report against the real file.
    for (auto& d : sink.diagnostics())
      if (d.range.file == copy) d.range.file = id;
    auto& into = section.empty() ? out.global : out.packages[section];
    for (auto& [k, v] : values) into.insert_or_assign(k, v);
  }
  return out;
}

frontend::PlaceholderValues values_for(const ProjectValues& project, std::string_view package,
                                       const frontend::PlaceholderValues& beside) {
  frontend::PlaceholderValues values = project.global;
  if (auto it = project.packages.find(package); it != project.packages.end())
    for (const auto& [k, v] : it->second) values.insert_or_assign(k, v);
  for (const auto& [k, v] : beside) values.insert_or_assign(k, v);
  return values;
}

}  // namespace katalint::backends
