// katalint.toml: rule selection, severities, target and fail-on, with per-path overrides.
// Found upward from each linted file (katalint.toml, then .katalint.toml), or given with --config.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "rules/engine.hpp"

namespace katalint::cli {

// One table of settings: the top level, or an [[overrides]] entry.
struct ConfigLayer {
  std::optional<std::string> target;
  std::optional<std::vector<std::string>> select;  // canonical ids or "all"
  std::vector<std::string> extend_select;
  std::vector<std::string> ignore;
  std::map<std::string, ir::Severity, std::less<>> severity;
};

struct PathOverride {
  std::vector<std::string> globs;  // relative to the configuration file's directory
  ConfigLayer layer;
};

struct Config {
  std::string path;              // as read
  std::filesystem::path base;    // absolute directory of the file
  std::optional<std::string> fail_on;
  ConfigLayer top;
  std::vector<PathOverride> overrides;
};

// Reads and validates a configuration file. On failure returns nullopt and sets `error` to
// one line, "PATH:LINE:COL: message" when the problem has a position.
std::optional<Config> load_config(const std::string& path, std::string& error);

// The configuration that applies in `dir`: the nearest katalint.toml (or .katalint.toml) in
// it or a parent directory; "" when there is none.
std::string find_config(const std::filesystem::path& dir);

// What a configuration says about one file; later overrides win. Empty strings mean "not set".
struct FileSettings {
  std::string target;
  std::string fail_on;
  rules::RuleSettings rules;
};
FileSettings resolve_settings(const Config& config, const std::filesystem::path& file);

// Glob matching for override paths: `*` and `?` stay within a path component, `**` crosses
// them (`**/` also matches no directory), `[abc]`/`[!abc]` are classes. A pattern without
// '/' matches the file name at any depth.
bool glob_match(std::string_view pattern, std::string_view relative_path);

}  // namespace katalint::cli
