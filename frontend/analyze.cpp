#include "frontend/analyze.hpp"

#include "frontend/file_kind.hpp"

namespace katalint::frontend {

void analyze_file(const ir::SourceManager& sources, ir::FileId id, const AnalyzeOptions& options,
                  ir::DiagnosticSink& sink) {
  const ir::SourceFile& file = sources.file(id);
  if (is_template_path(file.path())) {
    const FilledTemplate filled = fill_placeholders(file, options.placeholders);
    report_unbound(filled, sink);
  }
}

}  // namespace katalint::frontend
