// Turns the evaluation options of the command line into frontend options.
#include <fmt/core.h>

#include "cli/commands.hpp"
#include "frontend/analyze.hpp"

namespace katalint::cli {

int make_analyze_options(const Options& options, frontend::AnalyzeOptions& out) {
  out.target = options.target;
  out.defines = options.defines;
  out.with = options.with;
  out.without = options.without;
  if (!options.values_file.empty()) {
    ir::SourceManager values_sources;
    std::string error;
    const auto id = values_sources.load(options.values_file, error);
    if (!id) return usage_error(fmt::format("cannot read --values '{}': {}", options.values_file, error));
    ir::DiagnosticSink sink;
    out.placeholders = frontend::parse_values_file(values_sources.file(*id), sink);
    for (const auto& d : sink.diagnostics()) {
      const auto pos = values_sources.file(*id).position(d.range.begin);
      usage_error(fmt::format("{}:{}:{}: {}", options.values_file, pos.line, pos.column, d.message));
    }
    if (!sink.diagnostics().empty()) return kExitUsage;
  }
  for (const auto& set : options.sets) {
    const auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0)
      return usage_error(fmt::format("--set expects KEY=VALUE, got '{}'", set));
    out.placeholders.insert_or_assign(set.substr(0, eq), set.substr(eq + 1));
  }
  if (std::string error; !frontend::validate_target(out, error)) return usage_error(error);
  for (const auto& define : options.defines) {
    if (define.find_first_not_of(" \t") == std::string::npos)
      return usage_error("--define expects 'NAME VALUE'");
  }
  return kExitClean;
}

}  // namespace katalint::cli
