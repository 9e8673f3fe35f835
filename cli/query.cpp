// `katalint query` and `katalint dump`: one file, evaluated for one target.
#include <fmt/core.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/render.hpp"
#include "frontend/analyze.hpp"
#include "frontend/debian/query.hpp"
#include "frontend/file_kind.hpp"
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
  const std::string name = path == "-" && !options.stdin_filename.empty() ? options.stdin_filename : path;
  auto id = sources.load(path, error, name);
  if (!id) usage_error(fmt::format("cannot read '{}': {}", path, error));
  return id;
}

void print_diagnostics(ir::DiagnosticSink& sink, const ir::SourceManager& sources) {
  ir::sort_diagnostics(sink.diagnostics(), sources);
  render(OutputFormat::Gcc, sink.diagnostics(), sources, {}, std::cerr);
}

}  // namespace

int run_query(const Options& options) {
  frontend::AnalyzeOptions analyze;
  if (int rc = make_analyze_options(options, analyze); rc != kExitClean) return rc;
  if (options.paths.empty()) return usage_error("expected a spec file");
  // One file prints one JSON document; several print one compact document per line.
  const bool several = options.paths.size() > 1;
  int exit_code = kExitClean;
  for (const auto& path : options.paths) {
    ir::SourceManager sources;
    Options single = options;
    single.paths = {path};
    const auto id = load_single(single, sources);
    if (!id) {
      exit_code = kExitUsage;
      continue;
    }
    const auto kind = frontend::classify_path(sources.file(*id).path());
    ir::DiagnosticSink sink;
    if (kind != frontend::FileKind::Spec) {
      // Debian and OBS files: the JSON view their ecosystem's own tools give.
      const ir::SourceFile& file = sources.file(*id);
      const auto filled = frontend::fill_placeholders(file, analyze.placeholders);
      auto json = frontend::debian::query_json(kind, file, filled.text(), &filled, sink);
      print_diagnostics(sink, sources);
      if (!json) {
        usage_error(fmt::format("query: katalint does not read '{}' ({})", file.path(), frontend::to_string(kind)));
        exit_code = kExitUsage;
        continue;
      }
      std::cout << (several ? json->dump() : json->dump(2)) << '\n';
      continue;
    }
    const ir::Package package = frontend::evaluate_spec_file(sources, *id, analyze, sink);
    print_diagnostics(sink, sources);
    if (package.parse_failed) {
      if (exit_code == kExitClean) exit_code = kExitFindings;
      continue;
    }
    const auto json = rpmspec::query_json(package);
    std::cout << (several ? json.dump() : json.dump(2)) << '\n';
  }
  return exit_code;
}

int run_dump(const Options& options) {
  if (options.format != "json" && options.format != "source")
    return usage_error(fmt::format("unknown --format '{}' (expected json or source)", options.format));
  frontend::AnalyzeOptions analyze;
  if (int rc = make_analyze_options(options, analyze); rc != kExitClean) return rc;
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
