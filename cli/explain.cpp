// `katalint explain` and `katalint rules`.
#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "rules/registry.hpp"

namespace katalint::cli {

int run_explain(const std::string& rule_id) {
  const auto* rule = rules::find_rule(rule_id);
  if (!rule) return usage_error(fmt::format("unknown rule '{}' (see 'katalint rules')", rule_id));
  fmt::print("{} ({})\n\n{}\n", rule->id, ir::to_string(rule->severity), rule->summary);
  return kExitClean;
}

int run_rules(const std::string& format) {
  if (format == "json") {
    nlohmann::json rules = nlohmann::json::array();
    for (const auto& r : rules::all_rules())
      rules.push_back({{"id", r.id}, {"severity", ir::to_string(r.severity)}, {"summary", r.summary}});
    fmt::print("{}\n", nlohmann::json{{"version", 1}, {"rules", rules}}.dump(2));
    return kExitClean;
  }
  if (format != "text") return usage_error(fmt::format("unknown --format '{}' (expected text or json)", format));
  for (const auto& r : rules::all_rules()) fmt::print("{:<32} {:<8} {}\n", r.id, ir::to_string(r.severity), r.summary);
  return kExitClean;
}

}  // namespace katalint::cli
