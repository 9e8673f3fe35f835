// Lints text in-process, as the CLI would, for rule and engine tests.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "frontend/analyze.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::testing {

// A fresh directory under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `text` to `name` (relative) and returns the full path.
  std::filesystem::path write(const std::string& name, std::string_view text) const;

 private:
  std::filesystem::path path_;
};

struct LintRun {
  ir::SourceManager sources;
  std::vector<ir::Diagnostic> diagnostics;  // sorted
  ir::FileId file = ir::kNoFile;

  [[nodiscard]] bool fires(std::string_view rule) const;
  [[nodiscard]] std::size_t count(std::string_view rule) const;
  // `path:line:col: severity: message [rule]` lines, as --format gcc prints them.
  [[nodiscard]] std::string gcc() const;
};

// Reads `path` and analyses it.
LintRun lint_file(const std::filesystem::path& path, const frontend::AnalyzeOptions& options,
                  const std::string& display = {});
// Writes `text` as `name` in a temporary directory and lints it.
LintRun lint_text(const std::string& name, std::string_view text, const frontend::AnalyzeOptions& options);

// Applies fixes (safe, or also unsafe) until none is left, as `katalint --fix` does; returns
// the fixed text. `passes` receives the number of passes that changed something.
std::string fix_text(const std::string& name, std::string_view text, const frontend::AnalyzeOptions& options,
                     bool unsafe, int* passes = nullptr);

}  // namespace katalint::testing
