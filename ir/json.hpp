// The IR as JSON (`katalint dump`); the schema is described in docs/ir.md.
#pragma once

#include <nlohmann/json.hpp>

#include "ir/package.hpp"
#include "ir/source.hpp"

namespace katalint::ir {

inline constexpr int kIrJsonVersion = 1;

nlohmann::ordered_json to_json(const Package& package, const SourceManager& sources);
nlohmann::ordered_json to_json(const Range& range, const SourceManager& sources);

}  // namespace katalint::ir
