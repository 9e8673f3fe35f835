// `katalint lint`: discover files, resolve their configuration, run the frontends and rules
// (in parallel, one SourceManager per file), apply fixes, baselines, render, pick the exit code.
#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/baseline.hpp"
#include "cli/commands.hpp"
#include "cli/config.hpp"
#include "cli/fix.hpp"
#include "cli/parallel.hpp"
#include "cli/render.hpp"
#include "frontend/analyze.hpp"
#include "frontend/file_kind.hpp"
#include "frontend/package/directory.hpp"
#include "ir/source.hpp"
#include "rules/engine.hpp"

namespace katalint::cli {
namespace fs = std::filesystem;

int usage_error(const std::string& message) {
  fmt::print(stderr, "katalint: error: {}\n", message);
  return kExitUsage;
}

namespace {

// A fix that keeps producing fixes is stopped here (ruff stops at 100; specs are simpler).
constexpr int kMaxFixPasses = 10;

// Directories that never hold packaging sources.
bool skip_directory(const fs::path& p) {
  const auto name = p.filename().string();
  return name == ".git" || name == ".osc" || name == "build" || name == "node_modules" || name == ".pc";
}

// Expands directories into the packaging files below them, sorted for determinism; a file
// named twice is linted once.
bool collect_files(const std::vector<std::string>& paths, std::vector<std::string>& files) {
  bool ok = true;
  std::set<std::string> seen;
  auto add = [&](const std::string& f) {
    std::error_code ec;
    const std::string key = f == "-" ? f : fs::absolute(f, ec).lexically_normal().string();
    if (seen.insert(key).second) files.push_back(f);
  };
  for (const auto& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      add(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      if (it->is_directory(ec)) {
        if (skip_directory(it->path())) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && frontend::classify_path(it->path().string()) != frontend::FileKind::Unknown)
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
    for (const auto& f : found) add(f);
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

struct Task {
  std::string path;     // as given; "-" is stdin
  std::string display;  // shown in diagnostics
  frontend::AnalyzeOptions options;
  std::string fail_on;
};

struct Mode {
  bool fix = false;     // --fix, --unsafe-fixes or --diff
  bool unsafe = false;
  bool write = false;   // write fixed files (not with --diff, not for stdin)
};

struct Result {
  ir::SourceManager sources;  // of the last analysis: the fixed text when fixes were applied
  std::vector<ir::Diagnostic> diagnostics;
  bool loaded = false;
  bool write_failed = false;
  bool internal_error = false;
  std::string original;
  std::string final_text;
  std::size_t fixes = 0;
  std::vector<std::string> messages;  // for stderr, printed in file order
};

std::size_t count_errors(const std::vector<ir::Diagnostic>& diagnostics) {
  return static_cast<std::size_t>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                [](const ir::Diagnostic& d) { return d.severity == ir::Severity::Error; }));
}

std::vector<ir::Diagnostic> analyze(ir::SourceManager& sources, ir::FileId id, const frontend::AnalyzeOptions& options) {
  ir::DiagnosticSink sink;
  frontend::analyze_file(sources, id, options, sink);
  return std::move(sink.diagnostics());
}

void lint_one(const Task& task, const Mode& mode, Result& r) {
  std::string read_error;
  const auto kind = task.options.kind.value_or(frontend::classify_path(task.display));
  auto id = r.sources.load(task.path, read_error, task.display, frontend::max_file_size(kind));
  if (!id) {
    r.messages.push_back(fmt::format("katalint: error: cannot read '{}': {}", task.path, read_error));
    return;
  }
  r.loaded = true;
  r.diagnostics = analyze(r.sources, *id, task.options);
  if (!mode.fix) return;  // the texts below are only kept for fixing: lint keeps less in memory
  r.original = std::string(r.sources.file(*id).text());
  r.final_text = r.original;

  // Apply non-overlapping fixes, analyse again, repeat until nothing is left to apply.
  std::size_t errors = count_errors(r.diagnostics);
  for (int pass = 0;; ++pass) {
    auto fixed = apply_fixes(r.final_text, *id, r.diagnostics, mode.unsafe);
    if (!fixed) break;
    if (pass == kMaxFixPasses) {
      r.messages.push_back(fmt::format("katalint: warning: {}: fixes did not settle after {} passes; "
                                       "the rest is left as it is",
                                       task.display, kMaxFixPasses));
      break;
    }
    ir::SourceManager next;
    const ir::FileId next_id = next.add(task.display, fixed->text);
    auto diagnostics = analyze(next, next_id, task.options);
    // A fix must never make rpm reject more of the file than before.
    if (count_errors(diagnostics) > errors) {
      std::string rules;
      for (const auto& rule : fixed->rules)
        if (rules.find(rule) == std::string::npos) rules += (rules.empty() ? "" : ", ") + rule;
      r.messages.push_back(fmt::format("katalint: warning: {}: fixes by {} would add errors; not applied",
                                       task.display, rules));
      break;
    }
    errors = count_errors(diagnostics);
    r.fixes += fixed->applied;
    r.final_text = std::move(fixed->text);
    r.sources = std::move(next);
    id = next_id;
    r.diagnostics = std::move(diagnostics);
  }
  if (mode.write && task.path != "-" && r.final_text != r.original) {
    std::string error;
    if (!write_atomically(task.path, r.original, r.final_text, error)) {
      r.messages.push_back(fmt::format("katalint: error: {}", error));
      r.write_failed = true;
    }
  }
}

void lint_guarded(const Task& task, const Mode& mode, Result& r) {
  try {
    lint_one(task, mode, r);
  } catch (const std::exception& e) {
    // One broken file must not take the others down; it is reported and the run exits 3.
    r.internal_error = true;
    r.messages.push_back(fmt::format("katalint: internal error: {}: {}", task.display, e.what()));
  }
}

// Copies a result's files into `into`, frees the result's, and returns its diagnostics with
// file ids remapped.
std::vector<ir::Diagnostic> merge(Result& r, ir::SourceManager& into, std::vector<ir::FileId>& owned) {
  std::vector<ir::FileId> map(r.sources.size());
  for (ir::FileId i = 0; i < r.sources.size(); ++i) {
    const auto& f = r.sources.file(i);
    map[i] = into.add(f.path(), std::string(f.text()));
    owned.push_back(map[i]);
  }
  // Nothing reads them again: one copy of every text stays in memory, not two.
  r.sources = ir::SourceManager();
  auto remap = [&](ir::Range& range) {
    if (range.valid() && range.file < map.size()) range.file = map[range.file];
  };
  for (auto& d : r.diagnostics) {
    remap(d.range);
    for (auto& n : d.notes) remap(n.range);
    if (d.fix)
      for (auto& e : d.fix->edits) remap(e.range);
  }
  return std::move(r.diagnostics);
}

// Cross-file checks for every package directory among the linted files (spec against
// .dsc, debian.control and changelog), one directory per job. Each file's own diagnostics are
// already in; the package is read again with a scratch sink so they are not repeated. The
// findings follow the configuration and suppressions of the file they are in, and only the
// files they point into are added to `sources`, in input order.
bool add_package_checks(const std::vector<Task>& tasks, const std::vector<Result>& results, int jobs,
                        ir::SourceManager& sources, std::vector<ir::Diagnostic>& diagnostics,
                        std::map<ir::FileId, std::string>& fail_on_of) {
  std::vector<std::string> files;
  std::map<std::string, const Task*> task_of;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!results[i].loaded || tasks[i].path == "-") continue;
    files.push_back(tasks[i].path);
    task_of[tasks[i].path] = &tasks[i];
  }
  std::vector<frontend::PackageGroup> groups;
  for (auto& group : frontend::group_package_directories(files))
    if (group.files.size() >= 2) groups.push_back(std::move(group));

  struct Found {
    ir::SourceManager sources;
    std::vector<ir::Diagnostic> diagnostics;
    std::string error;
  };
  std::vector<Found> found(groups.size());
  parallel_for(groups.size(), thread_count(jobs, groups.size()), [&](std::size_t i) {
    const Task& first = *task_of.at(groups[i].files.front());
    try {
      ir::DiagnosticSink scratch, checks;
      // Every file was linted on its own already: only the ones the model takes are read again.
      const auto package =
          frontend::load_package_directory(found[i].sources, groups[i].files, first.options, scratch, true);
      frontend::check_package_directory(package, found[i].sources, checks);
      found[i].diagnostics = std::move(checks.diagnostics());
    } catch (const std::exception& e) {
      found[i].error = fmt::format("katalint: internal error: {}: {}", groups[i].dir, e.what());
    }
  });

  bool ok = true;
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto& f = found[i];
    if (!f.error.empty()) {
      fmt::print(stderr, "{}\n", f.error);
      ok = false;
      continue;
    }
    const Task& first = *task_of.at(groups[i].files.front());
    std::map<ir::FileId, std::vector<ir::Diagnostic>> by_file;
    for (auto& d : f.diagnostics) {
      if (d.range.valid() && d.range.file < f.sources.size())
        by_file[d.range.file].push_back(std::move(d));
      else
        diagnostics.push_back(std::move(d));
    }
    std::map<ir::FileId, ir::FileId> global;  // group's file id -> id in `sources`
    auto to_global = [&](ir::Range& r) {
      if (!r.valid() || r.file >= f.sources.size()) return;
      auto [it, added] = global.try_emplace(r.file, 0);
      if (added) {
        const auto& file = f.sources.file(r.file);
        it->second = sources.add(file.path(), std::string(file.text()));
      }
      r.file = it->second;
    };
    for (auto& [id, list] : by_file) {
      const auto owner = task_of.find(f.sources.file(id).path());
      const Task& task = owner != task_of.end() ? *owner->second : first;
      const rules::RuleSet rule_set(task.options.rules, rules::family_of(frontend::target_of(task.options)));
      rules::filter_late_findings(f.sources.file(id), rule_set, list);
      for (auto& d : list) {
        to_global(d.range);
        for (auto& n : d.notes) to_global(n.range);
        if (d.fix)
          for (auto& e : d.fix->edits) to_global(e.range);
        diagnostics.push_back(std::move(d));
      }
      for (const auto& [local, id_global] : global) {
        const auto o = task_of.find(f.sources.file(local).path());
        fail_on_of[id_global] = o != task_of.end() ? o->second->fail_on : first.fail_on;
      }
    }
  }
  return ok;
}

// Settings for every file: from --config, or the nearest katalint.toml; the command line wins.

bool configure(const Options& options, const frontend::AnalyzeOptions& base, const std::vector<std::string>& files,
               std::vector<Task>& tasks) {
  std::map<std::string, Config> loaded;        // by path
  std::map<std::string, std::string> nearest;  // directory -> config path ("" = none)
  auto get = [&](const std::string& path) -> const Config* {
    if (path.empty()) return nullptr;
    if (auto it = loaded.find(path); it != loaded.end()) return &it->second;
    std::string error;
    auto config = load_config(path, error);
    if (!config) {
      usage_error(error);
      return nullptr;
    }
    return &loaded.emplace(path, std::move(*config)).first->second;
  };
  const Config* explicit_config = nullptr;
  if (!options.config_file.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(options.config_file, ec))
      return usage_error(fmt::format("cannot read --config '{}'", options.config_file)), false;
    explicit_config = get(options.config_file);
    if (!explicit_config) return false;
  }
  for (const auto& path : files) {
    Task t;
    t.path = path;
    t.display = display_name(options, path);
    t.options = base;
    const fs::path where = path == "-" ? fs::path(options.stdin_filename.empty() ? "-" : options.stdin_filename) : fs::path(path);
    const Config* config = explicit_config;
    if (!config) {
      std::error_code ec;
      const std::string dir = fs::absolute(where, ec).parent_path().lexically_normal().string();
      auto it = nearest.find(dir);
      if (it == nearest.end()) it = nearest.emplace(dir, find_config(dir)).first;
      config = get(it->second);
      if (!config && !it->second.empty()) return false;
    }
    FileSettings settings;
    if (config) settings = resolve_settings(*config, where);
    if (t.options.target.empty()) t.options.target = settings.target;
    t.options.rules = std::move(settings.rules);
    t.fail_on = !options.fail_on.empty() ? options.fail_on : !settings.fail_on.empty() ? settings.fail_on : "warning";
    // Without a name, stdin is read as a spec.
    if (path == "-" && frontend::classify_path(t.display) == frontend::FileKind::Unknown)
      t.options.kind = frontend::FileKind::Spec;
    tasks.push_back(std::move(t));
  }
  return true;
}

}  // namespace

int run_lint(const Options& options) {
  const auto format = parse_output_format(options.format);
  if (!format) return usage_error(fmt::format("unknown --format '{}'", options.format));
  if (!options.fail_on.empty() && options.fail_on != "never" && !ir::parse_severity(options.fail_on))
    return usage_error(fmt::format("unknown --fail-on '{}' (expected error, warning, info or never)", options.fail_on));
  if (options.color != "auto" && options.color != "always" && options.color != "never")
    return usage_error(fmt::format("unknown --color '{}'", options.color));
  if (options.paths.empty()) return usage_error("no input files");
  if (options.jobs < 0) return usage_error(fmt::format("-j expects a positive number, got {}", options.jobs));
  if (std::count(options.paths.begin(), options.paths.end(), "-") > 1)
    return usage_error("stdin ('-') can be read only once");

  frontend::AnalyzeOptions analyze_options;
  if (int rc = make_analyze_options(options, analyze_options); rc != kExitClean) return rc;

  std::vector<std::string> files;
  bool inputs_ok = collect_files(options.paths, files);
  std::vector<Task> tasks;
  if (!configure(options, analyze_options, files, tasks)) return kExitUsage;

  std::optional<Baseline> baseline;
  if (!options.baseline.empty()) {
    std::string error;
    baseline = load_baseline(options.baseline, error);
    if (!baseline) return usage_error(error);
  }

  Mode mode;
  mode.fix = options.fix || options.unsafe_fixes || options.diff;
  mode.unsafe = options.unsafe_fixes;
  mode.write = mode.fix && !options.diff;

  // Each file is analysed on its own, with its own SourceManager, so results never depend on
  // the number of threads; they are merged in input order below.
  std::vector<Result> results(tasks.size());
  parallel_for(tasks.size(), thread_count(options.jobs, tasks.size()),
               [&](std::size_t i) { lint_guarded(tasks[i], mode, results[i]); });

  bool write_failed = false, internal_error = false;
  std::size_t fixes = 0, fixed_files = 0;
  for (auto& r : results) {
    for (const auto& m : r.messages) fmt::print(stderr, "{}\n", m);
    if (!r.loaded && !r.internal_error) inputs_ok = false;
    write_failed |= r.write_failed;
    internal_error |= r.internal_error;
    fixes += r.fixes;
    if (r.final_text != r.original) ++fixed_files;
  }

  if (options.diff) {
    bool changed = false;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
      const std::string diff = unified_diff(results[i].original, results[i].final_text, tasks[i].display);
      if (diff.empty()) continue;
      std::cout << diff;
      changed = true;
    }
    std::cout.flush();
    if (internal_error) return kExitInternal;
    if (!inputs_ok) return kExitUsage;
    return changed ? kExitFindings : kExitClean;
  }

  // With --fix, fixed stdin goes to stdout and the report to stderr.
  const bool stdin_fixed = mode.fix && std::any_of(tasks.begin(), tasks.end(), [](const Task& t) { return t.path == "-"; });
  for (std::size_t i = 0; stdin_fixed && i < tasks.size(); ++i)
    if (tasks[i].path == "-") std::cout << results[i].final_text;

  ir::SourceManager sources;
  std::vector<ir::Diagnostic> diagnostics;
  std::map<ir::FileId, std::string> fail_on_of;  // the file's task decides its threshold
  RenderOptions render_options;
  render_options.color = use_color(options.color) && !stdin_fixed;
  std::set<std::string> linted;
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (!results[i].loaded) continue;
    std::vector<ir::FileId> owned;
    auto ds = merge(results[i], sources, owned);
    for (auto id : owned) fail_on_of[id] = tasks[i].fail_on;
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(ds.begin()), std::make_move_iterator(ds.end()));
    render_options.files.push_back(tasks[i].display);
    linted.insert(tasks[i].display);
  }

  if (!mode.fix && !add_package_checks(tasks, results, options.jobs, sources, diagnostics, fail_on_of))
    internal_error = true;

  if (!options.write_baseline.empty()) {
    std::string error;
    const auto written = write_baseline(options.write_baseline, diagnostics, sources, error);
    if (!written) return usage_error(error);
    fmt::print(stderr, "katalint: recorded {} finding{} in {}\n", *written, *written == 1 ? "" : "s",
               options.write_baseline);
    if (internal_error) return kExitInternal;
    return inputs_ok && !write_failed ? kExitClean : kExitUsage;
  }
  if (baseline) apply_baseline(*baseline, linted, diagnostics, sources);

  ir::sort_diagnostics(diagnostics, sources);
  std::ostream& out = stdin_fixed ? std::cerr : std::cout;
  render(*format, diagnostics, sources, render_options, out);
  out.flush();
  if (mode.write && fixes > 0)
    fmt::print(stderr, "katalint: applied {} fix{} in {} file{}\n", fixes, fixes == 1 ? "" : "es", fixed_files,
               fixed_files == 1 ? "" : "s");

  if (internal_error) return kExitInternal;
  if (!inputs_ok || write_failed) return kExitUsage;
  const std::string default_fail_on = options.fail_on.empty() ? "warning" : options.fail_on;
  const bool failed = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const ir::Diagnostic& d) {
    if (d.rule == "stale-baseline-entry") return false;  // informational, never fatal
    auto it = d.range.valid() ? fail_on_of.find(d.range.file) : fail_on_of.end();
    return fails(d.severity, it == fail_on_of.end() ? default_fail_on : it->second);
  });
  return failed ? kExitFindings : kExitClean;
}

}  // namespace katalint::cli
