#include "rules/registry.hpp"

#include <algorithm>
#include <array>

namespace katalint::rules {

// Each rule object is defined in its own file; only this table needs them all.
#define KATALINT_RULE(group, symbol) extern const RuleInfo symbol;
#include "rules/rules.def"
#undef KATALINT_RULE

namespace {

// Rows come from rules/rules.def, sorted by id (a test checks the order). Ids are never
// reused; a renamed rule keeps its old id as an alias.
constexpr std::array kRules = {
#define KATALINT_RULE(group, symbol) &symbol,
#include "rules/rules.def"
#undef KATALINT_RULE
};

bool has_alias(const RuleInfo& rule, std::string_view name) {
  std::string_view rest = rule.aliases;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    if (rest.substr(0, space) == name) return true;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return false;
}

}  // namespace

std::span<const RuleInfo* const> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::lower_bound(kRules.begin(), kRules.end(), id,
                             [](const RuleInfo* r, std::string_view key) { return r->id < key; });
  if (it != kRules.end() && (*it)->id == id) return *it;
  for (const RuleInfo* r : kRules)
    if (has_alias(*r, id)) return r;
  return nullptr;
}

}  // namespace katalint::rules
