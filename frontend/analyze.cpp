#include "frontend/analyze.hpp"

#include <filesystem>

#include "frontend/debian/query.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/rpmspec/evaluator.hpp"
#include "frontend/rpmspec/profile.hpp"

namespace katalint::frontend {
namespace {

std::string target_of(const AnalyzeOptions& options) {
  return options.target.empty() ? std::string(rpmspec::kDefaultTarget) : options.target;
}

}  // namespace

bool validate_target(const AnalyzeOptions& options, std::string& error) {
  rpmspec::MacroEngine engine;
  return rpmspec::profile_engine(target_of(options), engine, error);
}

ir::Package evaluate_spec_file(ir::SourceManager& sources, ir::FileId id, const AnalyzeOptions& options,
                               ir::DiagnosticSink& sink) {
  const ir::SourceFile& file = sources.file(id);
  std::optional<FilledTemplate> filled;
  if (is_template_path(file.path()) || !options.placeholders.empty()) {
    const char open[] = {rpmspec::kOpaqueBegin, '\0'};
    const char close[] = {rpmspec::kOpaqueEnd, '\0'};
    filled = fill_placeholders(file, options.placeholders, open, close);
    if (is_template_path(file.path())) report_unbound(*filled, sink);
  }
  rpmspec::EvaluateOptions evaluate;
  evaluate.defines = options.defines;
  evaluate.with = options.with;
  evaluate.without = options.without;
  evaluate.source_dir = std::filesystem::path(file.path()).parent_path().string();
  const std::string_view text = filled ? std::string_view(filled->text()) : file.text();
  return rpmspec::evaluate_spec(sources, file, text, filled ? &*filled : nullptr, target_of(options), evaluate,
                                sink);
}

void analyze_file(ir::SourceManager& sources, ir::FileId id, const AnalyzeOptions& options,
                  ir::DiagnosticSink& sink) {
  const ir::SourceFile& file = sources.file(id);
  const FileKind kind = classify_path(file.path());
  if (kind == FileKind::Spec) {
    const ir::Package package = evaluate_spec_file(sources, id, options, sink);
    (void)package;  // the rules engine consumes it once it lands
    return;
  }
  const FilledTemplate filled = fill_placeholders(file, options.placeholders);
  if (is_template_path(file.path())) report_unbound(filled, sink);
  // Reading the file reports its syntax problems; the IR for rules comes with the rule set.
  (void)debian::query_json(kind, file, filled.text(), &filled, sink);
}

}  // namespace katalint::frontend
