// `katalint lint`: discover files, run the frontends and rules, render, pick the exit code.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/render.hpp"
#include "frontend/analyze.hpp"
#include "frontend/file_kind.hpp"
#include "ir/source.hpp"

namespace katalint::cli {
namespace fs = std::filesystem;

int usage_error(const std::string& message) {
  fmt::print(stderr, "katalint: error: {}\n", message);
  return kExitUsage;
}

namespace {

// Directories that never hold packaging sources.
bool skip_directory(const fs::path& p) {
  const auto name = p.filename().string();
  return name == ".git" || name == ".osc" || name == "build" || name == "node_modules" ||
         name == ".pc";
}

// Expands directories into the packaging files below them, sorted for determinism.
bool collect_files(const std::vector<std::string>& paths, std::vector<std::string>& files) {
  bool ok = true;
  for (const auto& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_directory(ec)) {
        if (skip_directory(it->path())) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) &&
          frontend::classify_path(it->path().string()) != frontend::FileKind::Unknown)
        found.push_back(it->path().lexically_normal().string());
    }
    if (ec) {
      usage_error(fmt::format("cannot search '{}': {}", path, ec.message()));
      ok = false;
    } else if (found.empty()) {
      usage_error(fmt::format("no packaging files found in '{}'", path));
      ok = false;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return ok;
}

bool fails(ir::Severity s, const std::string& fail_on) {
  if (fail_on == "never") return false;
  const auto threshold = ir::parse_severity(fail_on);
  return threshold && s >= *threshold;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int run_lint(const Options& options) {
  const auto format = parse_output_format(options.format);
  if (!format) return usage_error(fmt::format("unknown --format '{}'", options.format));
  if (options.fail_on != "never" && !ir::parse_severity(options.fail_on))
    return usage_error(fmt::format("unknown --fail-on '{}' (expected error, warning, info or never)",
                                   options.fail_on));
  if (options.color != "auto" && options.color != "always" && options.color != "never")
    return usage_error(fmt::format("unknown --color '{}'", options.color));
  if (options.paths.empty()) return usage_error("no input files");

  frontend::AnalyzeOptions analyze_options;
  if (int rc = make_analyze_options(options, analyze_options); rc != kExitClean) return rc;

  std::vector<std::string> files;
  bool inputs_ok = collect_files(options.paths, files);

  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  RenderOptions render_options;
  render_options.color = use_color(options.color);
  for (const auto& path : files) {
    std::string read_error;
    const std::string display =
        path == "-" && !options.stdin_filename.empty() ? options.stdin_filename : path;
    const auto id = sources.load(path, read_error, display);
    if (!id) {
      usage_error(fmt::format("cannot read '{}': {}", path, read_error));
      inputs_ok = false;
      continue;
    }
    frontend::analyze_file(sources, *id, analyze_options, sink);
    render_options.files.push_back(display);
  }

  auto& diagnostics = sink.diagnostics();
  ir::sort_diagnostics(diagnostics, sources);
  render(*format, diagnostics, sources, render_options, std::cout);
  std::cout.flush();

  if (!inputs_ok) return kExitUsage;
  const bool failed = std::any_of(diagnostics.begin(), diagnostics.end(),
                                  [&](const ir::Diagnostic& d) { return fails(d.severity, options.fail_on); });
  return failed ? kExitFindings : kExitClean;
}

}  // namespace katalint::cli
