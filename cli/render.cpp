// Output format names and dispatch; each format lives in cli/render/.
#include "cli/render.hpp"

#include "cli/render/common.hpp"

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

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::Text: return "text";
    case OutputFormat::Gcc: return "gcc";
    case OutputFormat::Json: return "json";
    case OutputFormat::Sarif: return "sarif";
    case OutputFormat::Github: return "github";
    case OutputFormat::Checkstyle: return "checkstyle";
    case OutputFormat::Junit: return "junit";
  }
  return "text";
}

void render(OutputFormat format, const std::vector<ir::Diagnostic>& diagnostics,
            const ir::SourceManager& sources, const RenderOptions& options, std::ostream& out) {
  using namespace render_detail;
  switch (format) {
    case OutputFormat::Text: return render_text(diagnostics, sources, options, out);
    case OutputFormat::Gcc: return render_gcc(diagnostics, sources, out);
    case OutputFormat::Json: return render_json(diagnostics, sources, out);
    case OutputFormat::Sarif: return render_sarif(diagnostics, sources, options, out);
    case OutputFormat::Github: return render_github(diagnostics, sources, out);
    case OutputFormat::Checkstyle: return render_checkstyle(diagnostics, sources, options, out);
    case OutputFormat::Junit: return render_junit(diagnostics, sources, options, out);
  }
}

}  // namespace katalint::cli
