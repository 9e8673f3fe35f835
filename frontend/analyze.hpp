// The one entry point that turns a packaging file into diagnostics: it picks the
// frontend for the file kind, builds the IR and runs the rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "frontend/placeholders.hpp"
#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {

struct AnalyzeOptions {
  std::string target;                // profile name; empty means the default
  std::vector<std::string> defines;  // "NAME VALUE"
  std::vector<std::string> with;
  std::vector<std::string> without;
  PlaceholderValues placeholders;
};

// Checks that the target names a known profile; sets `error` otherwise.
bool validate_target(const AnalyzeOptions& options, std::string& error);

// Fills template placeholders and evaluates a spec for the target.
ir::Package evaluate_spec_file(ir::SourceManager& sources, ir::FileId file, const AnalyzeOptions& options,
                               ir::DiagnosticSink& sink);

void analyze_file(ir::SourceManager& sources, ir::FileId file, const AnalyzeOptions& options,
                  ir::DiagnosticSink& sink);

}  // namespace katalint::frontend
