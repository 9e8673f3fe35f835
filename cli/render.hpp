// Renders sorted diagnostics in one of the output formats.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::cli {

enum class OutputFormat { Text, Gcc, Json, Sarif, Github, Checkstyle, Junit };

std::optional<OutputFormat> parse_output_format(std::string_view name);

struct RenderOptions {
  bool color = false;
  // Every file that was linted, in output order, so formats with one entry per file
  // (checkstyle, junit) list clean files too.
  std::vector<std::string> files;
};

void render(OutputFormat format, const std::vector<ir::Diagnostic>& diagnostics,
            const ir::SourceManager& sources, const RenderOptions& options, std::ostream& out);

}  // namespace katalint::cli
