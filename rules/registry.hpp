// The one table of every rule katalint knows: frontend diagnostics and lint checks alike.
#pragma once

#include <span>
#include <string_view>

#include "ir/diagnostic.hpp"

namespace katalint::rules {

struct RuleInfo {
  std::string_view id;       // kebab-case, stable; rpmlint/lintian name where the check is the same
  ir::Severity severity;     // default severity
  std::string_view summary;  // one line, lower-case, no final period
};

std::span<const RuleInfo> all_rules();
const RuleInfo* find_rule(std::string_view id);

}  // namespace katalint::rules
