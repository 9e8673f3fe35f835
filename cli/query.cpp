// `katalint query` and `katalint dump`: one file, evaluated for one target.
#include <fmt/core.h>

#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/parallel.hpp"
#include "cli/render.hpp"
#include "frontend/analyze.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/package/directory.hpp"
#include "frontend/rpmspec/query_json.hpp"
#include "ir/json.hpp"

namespace katalint::cli {
namespace {

// Loads the one input file; on failure prints the error and returns nullopt.
std::optional<ir::FileId> load_single(const Options& options, ir::SourceManager& sources) {
  if (options.paths.size() != 1) {
    usage_error("expected exactly one input file");
    return std::nullopt;
  }
  std::string error;
  const std::string& path = options.paths[0];
  const std::string name = display_name(options, path);
  auto id = sources.load(path, error, name, frontend::max_file_size(frontend::classify_path(name)));
  if (!id) usage_error(fmt::format("cannot read '{}': {}", path, error));
  return id;
}

void print_diagnostics(ir::DiagnosticSink& sink, const ir::SourceManager& sources) {
  ir::sort_diagnostics(sink.diagnostics(), sources);
  render(OutputFormat::Gcc, sink.diagnostics(), sources, {}, std::cerr);
}

// `katalint dump DIR`: one model per package directory below DIR, as a JSON array.
int dump_directory(const std::string& dir, const frontend::AnalyzeOptions& analyze) {
  std::string error;
  const auto files = frontend::list_files_recursively(dir, error);
  if (!error.empty()) return usage_error(fmt::format("cannot search '{}': {}", dir, error));
  const auto groups = frontend::group_package_directories(files);
  if (groups.empty()) return usage_error(fmt::format("no packaging files found in '{}'", dir));
  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  nlohmann::ordered_json packages = nlohmann::ordered_json::array();
  for (const auto& group : groups) {
    const auto package = frontend::load_package_directory(sources, group.files, analyze, sink);
    packages.push_back(frontend::to_json(package, sources));
  }
  print_diagnostics(sink, sources);
  std::cout << nlohmann::ordered_json{{"packages", std::move(packages)}}.dump(2, ' ', false,
                                                                           nlohmann::ordered_json::error_handler_t::replace)
            << '\n';
  return kExitClean;
}

}  // namespace

int run_query(const Options& options) {
  frontend::AnalyzeOptions analyze;
  if (int rc = make_analyze_options(options, analyze); rc != kExitClean) return rc;
  if (options.paths.empty()) return usage_error("expected a spec file");
  // One file prints one JSON document; several print one compact document per line, in the
  // order given, whatever the number of threads.
  const bool several = options.paths.size() > 1;
  struct Answer {
    std::string json;
    std::string messages;  // diagnostics and errors for stderr
    int exit_code = kExitClean;
  };
  std::vector<Answer> answers(options.paths.size());
  parallel_for(options.paths.size(), thread_count(options.jobs, options.paths.size()), [&](std::size_t i) {
    Answer& a = answers[i];
    const std::string& path = options.paths[i];
    ir::SourceManager sources;
    std::string error;
    const std::string name = display_name(options, path);
    const auto id = sources.load(path, error, name, frontend::max_file_size(frontend::classify_path(name)));
    if (!id) {
      a.messages = fmt::format("katalint: error: cannot read '{}': {}\n", path, error);
      a.exit_code = kExitUsage;
      return;
    }
    const ir::SourceFile& file = sources.file(*id);
    const auto kind = frontend::classify_path(file.path());
    ir::DiagnosticSink sink;
    std::optional<nlohmann::ordered_json> json;
    if (kind == frontend::FileKind::Spec) {
      const ir::Package package = frontend::evaluate_spec_file(sources, *id, analyze, sink);
      if (package.parse_failed) a.exit_code = kExitFindings;
      else rpmspec::write_query_json(package, a.json, several ? -1 : 2);
    } else {
      // Debian and OBS files: the JSON view their ecosystem's own tools give.
      const auto filled = frontend::fill_placeholders(file, analyze.placeholders);
      json = frontend::debian::query_json(kind, file, filled.text(), &filled, sink);
      if (!json) {
        a.messages = fmt::format("katalint: error: query: katalint does not read '{}' ({})\n", file.path(),
                                 frontend::to_string(kind));
        a.exit_code = kExitUsage;
      }
    }
    std::ostringstream diagnostics;
    ir::sort_diagnostics(sink.diagnostics(), sources);
    render(OutputFormat::Gcc, sink.diagnostics(), sources, {}, diagnostics);
    a.messages = diagnostics.str() + a.messages;
    if (json) a.json = several ? json->dump() : json->dump(2);
  });
  int exit_code = kExitClean;
  for (const auto& a : answers) {
    std::cerr << a.messages;
    if (!a.json.empty()) std::cout << a.json << '\n';
    if (a.exit_code == kExitUsage || (a.exit_code == kExitFindings && exit_code == kExitClean))
      exit_code = a.exit_code;
  }
  return exit_code;
}

int run_dump(const Options& options) {
  if (options.format != "json" && options.format != "source")
    return usage_error(fmt::format("unknown --format '{}' (expected json or source)", options.format));
  frontend::AnalyzeOptions analyze;
  if (int rc = make_analyze_options(options, analyze); rc != kExitClean) return rc;
  std::error_code ec;
  if (options.paths.size() == 1 && options.format == "json" && std::filesystem::is_directory(options.paths[0], ec))
    return dump_directory(options.paths[0], analyze);
  ir::SourceManager sources;
  const auto id = load_single(options, sources);
  if (!id) return kExitUsage;
  if (options.format == "source") return run_dump_source(sources, *id);
  if (frontend::classify_path(sources.file(*id).path()) != frontend::FileKind::Spec)
    return usage_error(fmt::format("dump: '{}' is not a file kind katalint reads yet", sources.file(*id).path()));
  ir::DiagnosticSink sink;
  const ir::Package package = frontend::evaluate_spec_file(sources, *id, analyze, sink);
  print_diagnostics(sink, sources);
  std::cout << ir::to_json(package, sources).dump(2) << '\n';
  return package.parse_failed ? kExitFindings : kExitClean;
}

}  // namespace katalint::cli
