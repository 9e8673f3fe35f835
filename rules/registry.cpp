#include "rules/registry.hpp"

#include <algorithm>
#include <array>

namespace katalint::rules {
namespace {

using ir::Severity;

// Sorted by id. Ids are never reused; a renamed rule keeps its old id as an alias.
constexpr std::array kRules = {
    RuleInfo{"duplicate-else", Severity::Error, "a second %else, or an %elif after %else, in one conditional"},
    RuleInfo{"internal-error", Severity::Error, "katalint failed on this input; please report it"},
    RuleInfo{"invalid-dependency", Severity::Error, "a dependency tag value is one rpm rejects"},
    RuleInfo{"malformed-tag", Severity::Error, "a preamble line that rpm rejects: not 'Tag: value', indented or empty"},
    RuleInfo{"unbalanced-macro-brace", Severity::Error, "a %{, %( or %[ that is never closed"},
    RuleInfo{"unbound-placeholder", Severity::Warning, "an OBS template placeholder has no value"},
    RuleInfo{"unmatched-conditional", Severity::Error, "an %else, %elif or %endif with no open %if"},
    RuleInfo{"unreadable-file", Severity::Error, "the input file cannot be read"},
    RuleInfo{"unterminated-if", Severity::Error, "an %if with no matching %endif before the end of the file"},
    RuleInfo{"values-file-syntax", Severity::Error, "a --values file line is not KEY=VALUE"},
};

}  // namespace

std::span<const RuleInfo> all_rules() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  auto it = std::find_if(kRules.begin(), kRules.end(), [&](const RuleInfo& r) { return r.id == id; });
  return it == kRules.end() ? nullptr : &*it;
}

}  // namespace katalint::rules
