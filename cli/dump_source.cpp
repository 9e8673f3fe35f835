// `katalint dump --format source`: reprint a file from its lossless syntax tree.
#include <fmt/core.h>

#include <iostream>

#include "cli/commands.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/rpmspec/syntax.hpp"

namespace katalint::cli {

int run_dump_source(const ir::SourceManager& sources, ir::FileId id) {
  const ir::SourceFile& file = sources.file(id);
  const auto kind = frontend::classify_path(file.path());
  if (kind != frontend::FileKind::Spec)
    return usage_error(fmt::format("dump: no syntax tree for '{}' ({})", file.path(), frontend::to_string(kind)));
  ir::DiagnosticSink sink;  // structure problems do not stop a reprint
  const auto tree = rpmspec::parse_spec_syntax(file, sink);
  std::cout << rpmspec::reprint(tree);
  std::cout.flush();
  return kExitClean;
}

}  // namespace katalint::cli
