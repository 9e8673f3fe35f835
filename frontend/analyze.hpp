// The one entry point that turns a packaging file into diagnostics: it picks the
// frontend for the file kind, builds the IR, runs the rules and applies suppressions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "frontend/file_kind.hpp"
#include "frontend/placeholders.hpp"
#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"
#include "rules/engine.hpp"

namespace katalint::frontend {

struct AnalyzeOptions {
  std::string target;                // profile name; empty means the default
  std::vector<std::string> defines;  // "NAME VALUE"
  std::vector<std::string> with;
  std::vector<std::string> without;
  PlaceholderValues placeholders;
  rules::RuleSettings rules;          // which rules run, and their severities
  std::optional<FileKind> kind;       // overrides the kind taken from the file name
};

// The profile name `options` selects (the default target when none is given).
std::string target_of(const AnalyzeOptions& options);

// Checks that the target names a known profile; sets `error` otherwise.
bool validate_target(const AnalyzeOptions& options, std::string& error);

// Fills template placeholders and evaluates a spec for the target.
ir::Package evaluate_spec_file(ir::SourceManager& sources, ir::FileId file, const AnalyzeOptions& options,
                               ir::DiagnosticSink& sink);

// Reads the file with its frontend and runs the enabled rules. Everything reported about the
// file (frontend diagnostics, rule findings, unused suppressions) goes to `sink`, with
// suppressed and disabled findings removed and configured severities applied.
void analyze_file(ir::SourceManager& sources, ir::FileId file, const AnalyzeOptions& options,
                  ir::DiagnosticSink& sink);

}  // namespace katalint::frontend
