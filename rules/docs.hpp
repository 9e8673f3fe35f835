// Rule pages: docs/rules/<id>.md and `katalint explain ID` print the same text.
#pragma once

#include <string>
#include <string_view>

#include "rules/rule.hpp"

namespace katalint::rules {

// The Markdown page of one rule.
std::string render_markdown(const RuleInfo& rule);
// docs/rules/README.md: every rule with its severity and summary, linking to its page.
std::string render_index();
// The page's path relative to the repository root: "docs/rules/<id>.md".
std::string doc_path(std::string_view id);
// The file name an example is linted as, and the target it is linted for.
std::string example_file(const RuleInfo& rule);
std::string example_target(const RuleInfo& rule);
// Families as shown in docs: "all", or a comma-separated list.
std::string describe_families(FamilyMask families);
std::string describe_kinds(KindMask kinds);

}  // namespace katalint::rules
