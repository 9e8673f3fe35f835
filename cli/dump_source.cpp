// `katalint dump --format source`: reprint a file from its lossless syntax tree.
#include <fmt/core.h>

#include <iostream>

#include "cli/commands.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/rpmspec/syntax.hpp"

namespace katalint::cli {

int run_dump_source(const ir::SourceManager& sources, ir::FileId id) {
  const ir::SourceFile& file = sources.file(id);
  const auto kind = frontend::classify_path(file.path());
  ir::DiagnosticSink sink;  // structure problems do not stop a reprint
  if (kind == frontend::FileKind::Spec) {
    std::cout << rpmspec::reprint(rpmspec::parse_spec_syntax(file, sink));
  } else if (std::string text; frontend::debian::read_file(kind, file, file.text(), nullptr, sink, &text)) {
    std::cout << text;
  } else {
    return usage_error(fmt::format("dump: no syntax tree for '{}' ({})", file.path(), frontend::to_string(kind)));
  }
  std::cout.flush();
  return kExitClean;
}

}  // namespace katalint::cli
