// Converting package directories: the driver behind `katalint convert` and `migrate`.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backends/common/input.hpp"
#include "backends/common/values.hpp"
#include "backends/output.hpp"
#include "backends/targets.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::backends {

// One package converted for one target.
struct PackageConversion {
  std::string input_dir;  // the package directory as given
  std::string package;    // the package name (the output folder)
  std::string target;
  EmittedFiles files;
  std::vector<ir::Diagnostic> diagnostics;  // the conversion's own, sorted
  bool failed = false;                      // an error: nothing was emitted
};

// Reads the files of one package directory (as group_package_directories() groups them)
// for `target` and runs its backend. `extra` carries the evaluation options (--define,
// --with, ...); its target and placeholders are replaced.
PackageConversion convert_package(ir::SourceManager& sources, const std::vector<std::string>& files,
                                  const Target& target, const frontend::PlaceholderValues& values,
                                  const ConvertOptions& options, const frontend::AnalyzeOptions& extra);

// A diagnostic that says something was changed or left out on the way (reported as
// "lossy" in summaries); warnings and errors also need a human.
bool is_lossy(const ir::Diagnostic& d);
bool needs_human(const ir::Diagnostic& d);

struct MigrationSummary {
  std::string home_dir;
  std::vector<std::string> targets;
  std::vector<PackageConversion> conversions;  // by package, then by target order
  std::vector<std::string> write_errors;
};

// Converts every package of a home project for each target into out_dir/TARGET/PACKAGE/.
// `project` gives the values; each package directory's katalint.values file overrides.
// Nothing is written when out_dir is empty.
MigrationSummary migrate_project(ir::SourceManager& sources, const std::string& home_dir,
                                 const std::vector<const Target*>& targets, const ProjectValues& project,
                                 const ConvertOptions& options, const frontend::AnalyzeOptions& extra,
                                 const std::string& out_dir, ir::DiagnosticSink& sink);

// The summary as JSON and as text; locations are relative to the home directory.
nlohmann::ordered_json summary_json(const MigrationSummary& summary, const ir::SourceManager& sources);
std::string summary_text(const MigrationSummary& summary, const ir::SourceManager& sources);

// "path:line:col" of a diagnostic, with `strip` removed from the front of the path.
std::string location_of(const ir::Diagnostic& d, const ir::SourceManager& sources, std::string_view strip);

}  // namespace katalint::backends
