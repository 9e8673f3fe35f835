// The one table of every rule katalint knows: frontend diagnostics, engine diagnostics and
// lint checks alike. The rows are in rules/rules.def; each rule's data is in its own file.
#pragma once

#include <span>
#include <string_view>

#include "rules/rule.hpp"

namespace katalint::rules {

// Every rule, sorted by id.
std::span<const RuleInfo* const> all_rules();
// The rule with this id, or with this alias (an rpmlint id it supersedes); null if none.
const RuleInfo* find_rule(std::string_view id_or_alias);

}  // namespace katalint::rules
