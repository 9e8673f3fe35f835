#include "tests/support/lint_support.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "cli/fix.hpp"
#include "cli/render.hpp"
#include <sstream>

namespace katalint::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "katalint-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, std::string_view text) const {
  const fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  return p;
}

bool LintRun::fires(std::string_view rule) const { return count(rule) > 0; }

std::size_t LintRun::count(std::string_view rule) const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(), [&](const ir::Diagnostic& d) { return d.rule == rule; }));
}

std::string LintRun::gcc() const {
  std::ostringstream out;
  cli::render(cli::OutputFormat::Gcc, diagnostics, sources, {}, out);
  return out.str();
}

LintRun lint_file(const fs::path& path, const frontend::AnalyzeOptions& options, const std::string& display) {
  LintRun run;
  std::string error;
  const auto id = run.sources.load(path.string(), error, display);
  if (!id) throw std::runtime_error("cannot read " + path.string() + ": " + error);
  run.file = *id;
  ir::DiagnosticSink sink;
  frontend::analyze_file(run.sources, *id, options, sink);
  run.diagnostics = std::move(sink.diagnostics());
  ir::sort_diagnostics(run.diagnostics, run.sources);
  return run;
}

LintRun lint_text(const std::string& name, std::string_view text, const frontend::AnalyzeOptions& options) {
  TempDir dir;
  return lint_file(dir.write(name, text), options);
}

std::string fix_text(const std::string& name, std::string_view text, const frontend::AnalyzeOptions& options,
                     bool unsafe, int* passes) {
  TempDir dir;
  const fs::path path = dir.path() / name;
  std::string current(text);
  int n = 0;
  for (; n < 20; ++n) {
    dir.write(name, current);
    const LintRun run = lint_file(path, options);
    auto pass = cli::apply_fixes(current, run.file, run.diagnostics, unsafe);
    if (!pass) break;
    current = std::move(pass->text);
  }
  if (passes) *passes = n;
  return current;
}

}  // namespace katalint::testing
