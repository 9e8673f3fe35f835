// Reads a spec the way rpm 4.18's parser does (line buffers, macro expansion, %if stacks,
// sections, tags) for one target profile, and builds the IR.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "frontend/placeholders.hpp"
#include "frontend/rpmspec/macro_engine.hpp"
#include "ir/diagnostic.hpp"
#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::rpmspec {

// The largest spec katalint reads, and the most that %include and %{load:} read in all.
// The biggest real specs are about 300 KB; past a few MiB the time and memory a spec needs
// (about 100 bytes per line) would no longer fit the limits katalint promises.
inline constexpr std::size_t kMaxSpecSize = 2u * 1024u * 1024u;

struct EvaluateOptions {
  std::vector<std::string> defines;  // "NAME VALUE", applied after the profile
  std::vector<std::string> with;     // --with X
  std::vector<std::string> without;  // --without X
  std::string source_dir;            // directory %include and %{load:} resolve against
};

// Evaluates `text` (the file's content with template placeholders filled; `filled` maps its
// offsets back into `file`, or is null when the text is the file itself) for the target
// profile named `target`.
ir::Package evaluate_spec(ir::SourceManager& sources, const ir::SourceFile& file,
                          std::string_view text, const frontend::FilledTemplate* filled,
                          std::string_view target, const EvaluateOptions& options,
                          ir::DiagnosticSink& sink);

}  // namespace katalint::rpmspec
