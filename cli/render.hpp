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
std::string_view to_string(OutputFormat format);

struct RenderOptions {
  bool color = false;  // ANSI colours; only the text format uses them
  // Every file that was linted, in output order, so formats with one entry per file
  // (checkstyle, junit) list clean files too.
  std::vector<std::string> files;
  // Version reported by SARIF; empty means this build's KATALINT_VERSION. Tests pin it
  // so golden files survive releases.
  std::string tool_version;
};

// Diagnostics must already be sorted (ir::sort_diagnostics). Output is deterministic.
void render(OutputFormat format, const std::vector<ir::Diagnostic>& diagnostics,
            const ir::SourceManager& sources, const RenderOptions& options, std::ostream& out);

}  // namespace katalint::cli
