#include "cli/config.hpp"

#include <fmt/core.h>

#include <toml++/toml.h>

#include <set>

#include "frontend/analyze.hpp"
#include "rules/registry.hpp"

namespace katalint::cli {
namespace fs = std::filesystem;
namespace {

// A problem with a position in the configuration file.
struct ConfigError {
  toml::source_position where;
  std::string message;
};

std::string located(const std::string& path, const ConfigError& e) {
  if (e.where.line == 0) return fmt::format("{}: {}", path, e.message);
  return fmt::format("{}:{}:{}: {}", path, e.where.line, e.where.column, e.message);
}

class Reader {
 public:
  std::optional<ConfigError> error;

  void fail(const toml::source_region& where, std::string message) {
    if (!error) error = ConfigError{where.begin, std::move(message)};
  }

  std::optional<std::string> string(const toml::node& node, std::string_view key) {
    if (const auto* s = node.as_string()) return s->get();
    fail(node.source(), fmt::format("'{}' must be a string", key));
    return std::nullopt;
  }

  // A list of rule names, resolved to canonical ids; "all" only where `allow_all`.
  std::vector<std::string> rule_list(const toml::node& node, std::string_view key, bool allow_all) {
    std::vector<std::string> out;
    const auto* array = node.as_array();
    if (!array) {
      fail(node.source(), fmt::format("'{}' must be an array of rule ids", key));
      return out;
    }
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (!s) {
        fail(item.source(), fmt::format("'{}' must be an array of rule ids", key));
        continue;
      }
      const std::string& name = s->get();
      if (allow_all && name == "all") {
        out.push_back(name);
        continue;
      }
      const auto* rule = rules::find_rule(name);
      if (!rule) {
        fail(item.source(), fmt::format("unknown rule '{}' in '{}' (see 'katalint rules')", name, key));
        continue;
      }
      out.emplace_back(rule->id);
    }
    return out;
  }

  void severity_table(const toml::node& node, ConfigLayer& layer) {
    const auto* table = node.as_table();
    if (!table) {
      fail(node.source(), "'severity' must be a table of rule = \"error|warning|info\"");
      return;
    }
    for (const auto& [key, value] : *table) {
      const auto* rule = rules::find_rule(key.str());
      if (!rule) {
        fail(key.source(), fmt::format("unknown rule '{}' in 'severity' (see 'katalint rules')", key.str()));
        continue;
      }
      const auto* s = value.as_string();
      const auto severity = s ? ir::parse_severity(s->get()) : std::nullopt;
      if (!severity) {
        fail(value.source(), fmt::format("severity of '{}' must be \"error\", \"warning\" or \"info\"", key.str()));
        continue;
      }
      layer.severity.insert_or_assign(std::string(rule->id), *severity);
    }
  }

  void target(const toml::node& node, ConfigLayer& layer) {
    auto value = string(node, "target");
    if (!value) return;
    frontend::AnalyzeOptions probe;
    probe.target = *value;
    std::string why;
    if (!frontend::validate_target(probe, why)) {
      fail(node.source(), why);
      return;
    }
    layer.target = *value;
  }

  // Reads the keys a layer may hold; returns false for a key it does not know.
  bool layer_key(std::string_view key, const toml::node& value, ConfigLayer& layer) {
    if (key == "target") {
      target(value, layer);
    } else if (key == "select") {
      layer.select = rule_list(value, key, true);
    } else if (key == "extend-select") {
      layer.extend_select = rule_list(value, key, true);
    } else if (key == "ignore") {
      layer.ignore = rule_list(value, key, false);
    } else if (key == "severity") {
      severity_table(value, layer);
    } else {
      return false;
    }
    return true;
  }

  void override_table(const toml::node& node, Config& config) {
    const auto* table = node.as_table();
    if (!table) {
      fail(node.source(), "each [[overrides]] entry must be a table");
      return;
    }
    PathOverride entry;
    bool has_paths = false;
    for (const auto& [key, value] : *table) {
      if (key.str() == "paths") {
        has_paths = true;
        const auto* array = value.as_array();
        if (!array || array->empty()) {
          fail(value.source(), "'paths' must be a non-empty array of glob patterns");
          continue;
        }
        for (const auto& item : *array) {
          if (const auto* s = item.as_string())
            entry.globs.push_back(s->get());
          else
            fail(item.source(), "'paths' must be a non-empty array of glob patterns");
        }
      } else if (!layer_key(key.str(), value, entry.layer)) {
        fail(key.source(), fmt::format("unknown key '{}' in [[overrides]] (expected paths, target, select, "
                                       "extend-select, ignore or severity)",
                                       key.str()));
      }
    }
    if (!has_paths) fail(node.source(), "an [[overrides]] entry needs 'paths'");
    config.overrides.push_back(std::move(entry));
  }

  void top_level(const toml::table& root, Config& config) {
    for (const auto& [key, value] : root) {
      if (key.str() == "fail-on") {
        auto v = string(value, "fail-on");
        if (v && *v != "never" && !ir::parse_severity(*v))
          fail(value.source(), "'fail-on' must be \"error\", \"warning\", \"info\" or \"never\"");
        else if (v)
          config.fail_on = *v;
      } else if (key.str() == "overrides") {
        const auto* array = value.as_array();
        if (!array) {
          fail(value.source(), "'overrides' must be an array of tables ([[overrides]])");
          continue;
        }
        for (const auto& item : *array) override_table(item, config);
      } else if (!layer_key(key.str(), value, config.top)) {
        fail(key.source(), fmt::format("unknown key '{}' (expected target, fail-on, select, extend-select, "
                                       "ignore, severity or overrides)",
                                       key.str()));
      }
    }
  }
};

void apply(const ConfigLayer& layer, FileSettings& out) {
  if (layer.target) out.target = *layer.target;
  if (layer.select) {
    out.rules.has_select = true;
    out.rules.select = *layer.select;
  }
  out.rules.extend_select.insert(out.rules.extend_select.end(), layer.extend_select.begin(), layer.extend_select.end());
  out.rules.ignore.insert(out.rules.ignore.end(), layer.ignore.begin(), layer.ignore.end());
  for (const auto& [id, severity] : layer.severity) out.rules.severity.insert_or_assign(id, severity);
}

// Matches `p` against `s` from the given positions; `**` may cross '/'.
bool match(std::string_view p, std::string_view s, int depth = 0) {
  if (depth > 64) return false;  // patterns come from a small file; this bounds the backtracking
  std::size_t i = 0, j = 0;
  while (i < p.size()) {
    if (p[i] == '*') {
      const bool double_star = i + 1 < p.size() && p[i + 1] == '*';
      if (double_star) {
        std::size_t rest = i + 2;
        // "**/" may also match no directory at all.
        if (rest < p.size() && p[rest] == '/' && match(p.substr(rest + 1), s.substr(j), depth + 1)) return true;
        for (std::size_t k = j; k <= s.size(); ++k)
          if (match(p.substr(rest), s.substr(k), depth + 1)) return true;
        return false;
      }
      for (std::size_t k = j; k <= s.size(); ++k) {
        if (match(p.substr(i + 1), s.substr(k), depth + 1)) return true;
        if (k < s.size() && s[k] == '/') break;
      }
      return false;
    }
    if (j >= s.size()) return false;
    if (p[i] == '?') {
      if (s[j] == '/') return false;
      ++i, ++j;
      continue;
    }
    if (p[i] == '[') {
      const std::size_t close = p.find(']', i + 2);
      if (close != std::string_view::npos) {
        std::string_view set = p.substr(i + 1, close - i - 1);
        const bool negate = !set.empty() && (set.front() == '!' || set.front() == '^');
        if (negate) set.remove_prefix(1);
        bool found = false;
        for (std::size_t k = 0; k < set.size(); ++k) {
          if (k + 2 < set.size() && set[k + 1] == '-') {
            if (s[j] >= set[k] && s[j] <= set[k + 2]) found = true;
            k += 2;
          } else if (set[k] == s[j]) {
            found = true;
          }
        }
        if (found == negate || s[j] == '/') return false;
        i = close + 1, ++j;
        continue;
      }
    }
    if (p[i] != s[j]) return false;
    ++i, ++j;
  }
  return j == s.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  if (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  if (pattern.find('/') == std::string_view::npos) {
    const auto slash = path.rfind('/');
    return match(pattern, slash == std::string_view::npos ? path : path.substr(slash + 1));
  }
  if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
  return match(pattern, path);
}

std::optional<Config> load_config(const std::string& path, std::string& error) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    error = located(path, {e.source().begin, std::string(e.description())});
    return std::nullopt;
  }
  Config config;
  config.path = path;
  std::error_code ec;
  config.base = fs::absolute(path, ec).parent_path().lexically_normal();
  Reader reader;
  reader.top_level(root, config);
  if (reader.error) {
    error = located(path, *reader.error);
    return std::nullopt;
  }
  return config;
}

std::string find_config(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  for (int guard = 0; guard < 4096; ++guard) {
    for (const char* name : {"katalint.toml", ".katalint.toml"}) {
      const fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return {};
}

FileSettings resolve_settings(const Config& config, const fs::path& file) {
  FileSettings out;
  if (config.fail_on) out.fail_on = *config.fail_on;
  apply(config.top, out);
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  const std::string relative = absolute.lexically_relative(config.base).generic_string();
  for (const auto& o : config.overrides) {
    for (const auto& glob : o.globs) {
      if (glob_match(glob, relative)) {
        apply(o.layer, out);
        break;
      }
    }
  }
  return out;
}

}  // namespace katalint::cli
