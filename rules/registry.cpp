#include "rules/registry.hpp"

#include <algorithm>
#include <array>

namespace katalint::rules {
namespace {

using ir::Severity;

// Sorted by id. Ids are never reused; a renamed rule keeps its old id as an alias.
constexpr std::array kRules = {
    RuleInfo{"internal-error", Severity::Error, "katalint failed on this input; please report it"},
    RuleInfo{"invalid-dependency", Severity::Error, "a dependency tag value is one rpm rejects"},
    RuleInfo{"unbound-placeholder", Severity::Warning, "an OBS template placeholder has no value"},
    RuleInfo{"unreadable-file", Severity::Error, "the input file cannot be read"},
    RuleInfo{"values-file-syntax", Severity::Error, "a --values file line is not KEY=VALUE"},
};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace katalint::rules
