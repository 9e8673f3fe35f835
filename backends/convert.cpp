#include "backends/convert.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/core.h>

#include "backends/common/write.hpp"
#include "frontend/package/directory.hpp"

namespace katalint::backends {
namespace fs = std::filesystem;

namespace {

const std::set<std::string, std::less<>> kLossyRules = {
    "convert-conditional-folded", "convert-go-toolchain-dropped", "convert-clean-dropped",
    "convert-buildroot-dropped", "convert-tag-dropped", "convert-changelog-lossy",
    "convert-dependency-dropped", "convert-defattr-dropped", "convert-service-renamed",
    "convert-service-mode", "convert-obs-token", "convert-build-check-restored", "convert-system-directory-dropped",
    "convert-rm-buildroot-dropped", "convert-dependency-duplicate", "convert-rpmlintrc-filter",
    // the Ubuntu backend's ids
    "lossy-conversion", "dropped-conditional"};

std::string rel(std::string_view path, std::string_view strip) {
  if (!strip.empty() && path.substr(0, strip.size()) == strip) {
    path.remove_prefix(strip.size());
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  }
  return std::string(path);
}

}  // namespace

bool is_lossy(const ir::Diagnostic& d) { return kLossyRules.count(d.rule) != 0; }
bool needs_human(const ir::Diagnostic& d) { return d.severity != ir::Severity::Info; }

PackageConversion convert_package(ir::SourceManager& sources, const std::vector<std::string>& files,
                                  const Target& target, const frontend::PlaceholderValues& values,
                                  const ConvertOptions& options, const frontend::AnalyzeOptions& extra) {
  PackageConversion result;
  result.target = std::string(target.name);
  result.input_dir = files.empty() ? std::string() : frontend::package_root(files.front());
  frontend::AnalyzeOptions analyze = extra;
  analyze.target = std::string(target.profile);
  analyze.placeholders = values;
  // The input's own findings are the linter's business; only the conversion's are kept.
  ir::DiagnosticSink load_sink;
  frontend::PackageDirectory pd = frontend::load_package_directory(sources, files, analyze, load_sink);
  ir::DiagnosticSink sink;
  // OBS replaces <B_CNT> and <CI_CNT> on the server, and rpm stops reading a spec at them;
  // the backends write their own Release:, so the spec is read with digits in their place.
  if (pd.spec) {
    const ir::SourceFile& file = sources.file(pd.spec->file);
    std::string text(file.text());
    bool replaced = false;
    for (std::string_view token : {"<B_CNT>", "<CI_CNT>"})
      for (auto pos = text.find(token); pos != std::string::npos; pos = text.find(token, pos)) {
        text.replace(pos, token.size(), std::string(token.size(), '0'));
        const auto line = file.position(static_cast<std::uint32_t>(pos)).line;
        sink.report("convert-obs-token", ir::Severity::Info,
                    {file.id(), file.line_start(line), file.line_start(line) + static_cast<std::uint32_t>(file.line_text(line).size())},
                    fmt::format("{} is an OBS server token: the release is the target's own", token));
        replaced = true;
      }
    if (replaced) {
      const ir::FileId copy = sources.add(file.path(), text);
      pd.spec = frontend::evaluate_spec_file(sources, copy, analyze, load_sink);
    }
  }
  result.package = pd.spec ? pd.spec->name : pd.merged.name;
  const ConvertInput input{sources, pd, values};
  result.files = target.emit(input, options, sink);
  result.diagnostics = std::move(sink.diagnostics());
  ir::sort_diagnostics(result.diagnostics, sources);
  result.failed = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                              [](const ir::Diagnostic& d) { return d.severity == ir::Severity::Error; });
  if (result.package.empty()) result.package = fs::path(result.input_dir).filename().string();
  return result;
}

MigrationSummary migrate_project(ir::SourceManager& sources, const std::string& home_dir,
                                 const std::vector<const Target*>& targets, const ProjectValues& project,
                                 const ConvertOptions& options, const frontend::AnalyzeOptions& extra,
                                 const std::string& out_dir, ir::DiagnosticSink& sink) {
  MigrationSummary summary;
  summary.home_dir = home_dir;
  for (const auto* t : targets) summary.targets.emplace_back(t->name);
  std::string error;
  const auto all_files = frontend::list_files_recursively(home_dir, error);
  if (!error.empty()) summary.write_errors.push_back(error);
  auto groups = frontend::group_package_directories(all_files);

  ConvertOptions package_options = options;
  for (const auto& g : groups) package_options.sibling_packages.push_back(fs::path(g.dir).filename().string());

  for (auto& group : groups) {
    const std::string dir_name = fs::path(group.dir).filename().string();
    frontend::PlaceholderValues beside;
    std::vector<std::string> files;
    for (const auto& f : group.files) {
      if (fs::path(f).filename() == kPackageValuesFile && fs::path(f).parent_path() == fs::path(group.dir)) {
        std::string load_error;
        if (auto id = sources.load(f, load_error)) beside = frontend::parse_values_file(sources.file(*id), sink);
        else sink.report("values-file-syntax", ir::Severity::Error, {}, f + ": " + load_error);
        continue;
      }
      files.push_back(f);
    }
    const auto values = values_for(project, dir_name, beside);
    for (const auto* target : targets) {
      PackageConversion conversion = convert_package(sources, files, *target, values, package_options, extra);
      if (!conversion.failed && !out_dir.empty()) {
        std::string write_error;
        if (!write_emitted(out_dir, std::string(target->name) + "/" + conversion.package, conversion.files,
                           write_error)) {
          summary.write_errors.push_back(write_error);
          conversion.failed = true;
        }
      }
      summary.conversions.push_back(std::move(conversion));
    }
  }
  return summary;
}

std::string location_of(const ir::Diagnostic& d, const ir::SourceManager& sources, std::string_view strip) {
  if (!d.range.valid()) return {};
  const auto& file = sources.file(d.range.file);
  const auto pos = file.position(d.range.begin);
  return fmt::format("{}:{}:{}", rel(file.path(), strip), pos.line, pos.column);
}

nlohmann::ordered_json summary_json(const MigrationSummary& summary, const ir::SourceManager& sources) {
  nlohmann::ordered_json j;
  j["version"] = 1;
  j["targets"] = summary.targets;
  auto& packages = j["conversions"] = nlohmann::ordered_json::array();
  std::size_t converted = 0, lossy = 0, human = 0, failed = 0;
  for (const auto& c : summary.conversions) {
    nlohmann::ordered_json p;
    p["package"] = c.package;
    p["target"] = c.target;
    p["input"] = rel(c.input_dir, summary.home_dir);
    p["output"] = c.failed ? std::string() : c.target + "/" + c.package;
    auto& names = p["files"] = nlohmann::ordered_json::array();
    for (const auto& f : c.files) names.push_back(f.path);
    auto& lossy_list = p["lossy"] = nlohmann::ordered_json::array();
    auto& human_list = p["needs_human"] = nlohmann::ordered_json::array();
    for (const auto& d : c.diagnostics) {
      nlohmann::ordered_json e;
      e["rule"] = d.rule;
      e["severity"] = std::string(ir::to_string(d.severity));
      e["location"] = location_of(d, sources, summary.home_dir);
      e["message"] = d.message;
      if (needs_human(d)) human_list.push_back(e);
      else if (is_lossy(d)) lossy_list.push_back(e);
    }
    p["status"] = c.failed ? "failed" : !human_list.empty() ? "needs-human" : !lossy_list.empty() ? "lossy" : "converted";
    failed += c.failed ? 1 : 0;
    converted += c.failed ? 0 : 1;
    lossy += lossy_list.empty() ? 0 : 1;
    human += human_list.empty() ? 0 : 1;
    packages.push_back(std::move(p));
  }
  j["totals"] = {{"conversions", summary.conversions.size()}, {"converted", converted}, {"lossy", lossy},
                 {"needs_human", human}, {"failed", failed}};
  j["errors"] = summary.write_errors;
  return j;
}

std::string summary_text(const MigrationSummary& summary, const ir::SourceManager& sources) {
  std::string out;
  std::size_t converted = 0, failed = 0, human = 0;
  out += fmt::format("{:<24} {:<8} {:<12} {:>6} {:>12}\n", "package", "target", "status", "lossy", "needs human");
  for (const auto& c : summary.conversions) {
    std::size_t lossy = 0, hum = 0;
    for (const auto& d : c.diagnostics) {
      if (needs_human(d)) ++hum;
      else if (is_lossy(d)) ++lossy;
    }
    const char* status = c.failed ? "failed" : hum ? "needs-human" : lossy ? "lossy" : "converted";
    out += fmt::format("{:<24} {:<8} {:<12} {:>6} {:>12}\n", c.package, c.target, status, lossy, hum);
    converted += c.failed ? 0 : 1;
    failed += c.failed ? 1 : 0;
    human += hum ? 1 : 0;
  }
  out += fmt::format("{} conversions: {} written, {} failed, {} need a human\n", summary.conversions.size(), converted,
                     failed, human);
  bool heading = false;
  for (const auto& c : summary.conversions)
    for (const auto& d : c.diagnostics) {
      if (!needs_human(d)) continue;
      if (!heading) out += "\nNeeds a human:\n";
      heading = true;
      const std::string loc = location_of(d, sources, summary.home_dir);
      out += fmt::format("  {}/{}: {}{}{} [{}]\n", c.target, c.package, loc, loc.empty() ? "" : ": ", d.message, d.rule);
    }
  for (const auto& e : summary.write_errors) out += "error: " + e + "\n";
  return out;
}

}  // namespace katalint::backends
