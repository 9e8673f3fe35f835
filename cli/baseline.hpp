// Baselines: accepted findings, recorded by fingerprint (rule, file, normalised line text; no
// line numbers, so edits elsewhere in the file do not invalidate them).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::cli {

struct BaselineEntry {
  std::string rule;
  std::string file;  // relative to the baseline file's directory, '/'-separated
  std::string line;  // normalised text of the finding's first line
  std::size_t count = 1;
  std::uint32_t source_line = 0;  // where the entry is in the baseline file (0: unknown)
};

struct Baseline {
  std::string path;
  std::string text;  // the file as read, for locating stale entries
  std::vector<BaselineEntry> entries;
};

// Blanks trimmed and runs of blanks collapsed to one space.
std::string normalise_line(std::string_view line);

// The key a file has in a baseline stored at `baseline_path`.
std::string baseline_file_key(const std::string& baseline_path, const std::string& file_path);

std::optional<Baseline> load_baseline(const std::string& path, std::string& error);

// Writes every located finding (stale-baseline-entry excepted); returns the number recorded.
std::optional<std::size_t> write_baseline(const std::string& path, const std::vector<ir::Diagnostic>& diagnostics,
                                          const ir::SourceManager& sources, std::string& error);

// Hides the findings the baseline records. Entries for the linted files (`linted`, display
// paths) that match fewer findings than recorded become stale-baseline-entry diagnostics,
// located in the baseline file, which is added to `sources`.
void apply_baseline(const Baseline& baseline, const std::set<std::string>& linted,
                    std::vector<ir::Diagnostic>& diagnostics, ir::SourceManager& sources);

}  // namespace katalint::cli
