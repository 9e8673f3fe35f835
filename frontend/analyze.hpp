// The one entry point that turns a packaging file into diagnostics: it picks the
// frontend for the file kind, builds the IR and runs the rules.
#pragma once

#include <string>
#include <vector>

#include "frontend/placeholders.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::frontend {

struct AnalyzeOptions {
  std::string target;                // profile name; empty means the default
  std::vector<std::string> defines;  // "NAME VALUE"
  std::vector<std::string> with;
  std::vector<std::string> without;
  PlaceholderValues placeholders;
};

void analyze_file(const ir::SourceManager& sources, ir::FileId file, const AnalyzeOptions& options,
                  ir::DiagnosticSink& sink);

}  // namespace katalint::frontend
