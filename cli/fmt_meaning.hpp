// `katalint fmt` checks its own output: the formatted spec must mean to rpm what the input
// meant, or the file is left as it is (as black verifies the syntax tree after formatting).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "frontend/analyze.hpp"

namespace katalint::cli {

// Where the query view (`katalint query --json`) of `after` differs from that of `before`,
// as a path such as "packages[1].requires", after the rewrites the SUSE style makes on
// purpose (docs/compat-spec-cleaner.md); nullopt when they agree, or when `before` itself
// does not evaluate (then there is nothing to compare with). `path` names the spec, so
// %include finds its files.
std::optional<std::string> meaning_difference(std::string_view before, std::string_view after, const std::string& path,
                                              const frontend::AnalyzeOptions& options);

}  // namespace katalint::cli
