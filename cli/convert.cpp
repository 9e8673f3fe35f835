// katalint convert --to TARGET -o DIR PATH: one package (a spec, a spec template or a
// package directory) converted for one target distribution.
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>

#include <fmt/core.h>

#include "backends/common/write.hpp"
#include "backends/convert.hpp"
#include "cli/convert_support.hpp"
#include "cli/render.hpp"
#include "frontend/package/directory.hpp"

namespace katalint::cli {
namespace fs = std::filesystem;

int parse_targets(const std::string& list, std::vector<const backends::Target*>& out) {
  if (list.empty()) {
    for (const auto& t : backends::targets()) out.push_back(&t);
    return kExitClean;
  }
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto comma = list.find(',', start);
    const std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto* target = backends::find_target(name);
    if (target == nullptr) {
      std::string known;
      for (const auto& t : backends::targets()) known += (known.empty() ? "" : ", ") + std::string(t.name);
      return usage_error(fmt::format("unknown target '{}' (this build converts to: {})", name, known));
    }
    out.push_back(target);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return kExitClean;
}

int make_convert_options(const Options& options, const ConvertChoices& choices, backends::ProjectValues& values,
                         frontend::AnalyzeOptions& extra, backends::ConvertOptions& convert) {
  extra.defines = options.defines;
  extra.with = options.with;
  extra.without = options.without;
  if (!options.values_file.empty()) {
    ir::SourceManager sources;
    std::string error;
    const auto id = sources.load(options.values_file, error);
    if (!id) return usage_error(fmt::format("cannot read --values '{}': {}", options.values_file, error));
    ir::DiagnosticSink sink;
    values = backends::parse_project_values(sources, *id, sink);
    for (const auto& d : sink.diagnostics()) {
      const auto pos = sources.file(*id).position(d.range.begin);
      usage_error(fmt::format("{}:{}:{}: {}", options.values_file, pos.line, pos.column, d.message));
    }
    if (!sink.diagnostics().empty()) return kExitUsage;
  }
  for (const auto& set : options.sets) {
    const auto eq = set.find('=');
    if (eq == std::string::npos || eq == 0) return usage_error(fmt::format("--set expects KEY=VALUE, got '{}'", set));
    values.global.insert_or_assign(set.substr(0, eq), set.substr(eq + 1));
  }
  if (!options.target.empty()) return usage_error("--target is set by --to for convert and migrate");
  if (!choices.packager.empty()) {
    if (choices.packager.find('<') == std::string::npos || choices.packager.find('@') == std::string::npos)
      return usage_error("--packager expects 'Full Name <email>'");
    convert.packager = choices.packager;
  }
  convert.classic_release = choices.classic_release;
  // Reproducible output: SOURCE_DATE_EPOCH dates the added changelog entry when set.
  convert.timestamp = static_cast<std::int64_t>(std::time(nullptr));
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    const long long v = std::strtoll(epoch, &end, 10);
    if (end == nullptr || *end != '\0' || v < 0) return usage_error("SOURCE_DATE_EPOCH is not a number of seconds");
    convert.timestamp = v;
  }
  return kExitClean;
}

int run_convert(const Options& options, const ConvertChoices& choices) {
  std::vector<const backends::Target*> targets;
  if (int rc = parse_targets(choices.to, targets); rc != kExitClean) return rc;
  if (targets.size() != 1) return usage_error("convert takes one target; migrate converts to several");
  backends::ProjectValues values;
  frontend::AnalyzeOptions extra;
  backends::ConvertOptions convert;
  if (int rc = make_convert_options(options, choices, values, extra, convert); rc != kExitClean) return rc;
  if (options.paths.size() != 1) return usage_error("convert takes one PATH");
  const std::string path = options.paths.front();

  std::error_code ec;
  std::vector<std::string> files;
  if (fs::is_directory(path, ec)) {
    std::string error;
    const auto all = frontend::list_files_recursively(path, error);
    if (!error.empty()) return usage_error(error);
    const auto groups = frontend::group_package_directories(all);
    if (groups.empty()) return usage_error(fmt::format("{}: no packaging files found", path));
    if (groups.size() > 1)
      return usage_error(fmt::format("{}: holds {} packages: use 'katalint migrate' for a project", path, groups.size()));
    files = groups.front().files;
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  } else {
    return usage_error(fmt::format("cannot read '{}': no such file or directory", path));
  }
  std::vector<std::string> package_files;
  frontend::PlaceholderValues beside;
  ir::SourceManager sources;
  ir::DiagnosticSink sink;
  for (const auto& f : files) {
    if (fs::path(f).filename() == backends::kPackageValuesFile) {
      std::string error;
      if (auto id = sources.load(f, error)) beside = frontend::parse_values_file(sources.file(*id), sink);
      continue;
    }
    package_files.push_back(f);
  }
  const std::string package_dir = fs::path(frontend::package_root(files.front())).filename().string();
  const auto package_values = backends::values_for(values, package_dir, beside);
  auto conversion = backends::convert_package(sources, package_files, *targets.front(), package_values, convert, extra);

  auto diagnostics = sink.diagnostics();
  diagnostics.insert(diagnostics.end(), conversion.diagnostics.begin(), conversion.diagnostics.end());
  ir::sort_diagnostics(diagnostics, sources);
  RenderOptions render_options;
  render(OutputFormat::Text, diagnostics, sources, render_options, std::cerr);
  if (conversion.failed) return kExitFindings;
  std::string error;
  if (!backends::write_emitted(choices.out_dir, "", conversion.files, error)) {
    fmt::print(stderr, "katalint: error: {}\n", error);
    return kExitFindings;
  }
  for (const auto& f : conversion.files) fmt::print("{}\n", (fs::path(choices.out_dir) / f.path).string());
  return kExitClean;
}

}  // namespace katalint::cli
