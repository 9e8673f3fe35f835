// Placeholder renderer until the full set lands.
#include "cli/render.hpp"

#include <fmt/core.h>

namespace katalint::cli {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "gcc") return OutputFormat::Gcc;
  if (name == "json") return OutputFormat::Json;
  if (name == "sarif") return OutputFormat::Sarif;
  if (name == "github") return OutputFormat::Github;
  if (name == "checkstyle") return OutputFormat::Checkstyle;
  if (name == "junit") return OutputFormat::Junit;
  return std::nullopt;
}

void render(OutputFormat, const std::vector<ir::Diagnostic>& diagnostics, const ir::SourceManager& sources,
            const RenderOptions&, std::ostream& out) {
  for (const auto& d : diagnostics) {
    const auto& f = sources.file(d.range.file);
    const auto pos = f.position(d.range.begin);
    out << fmt::format("{}:{}:{}: {}: {} [{}]\n", f.path(), pos.line, pos.column, ir::to_string(d.severity),
                       d.message, d.rule);
  }
}

}  // namespace katalint::cli
