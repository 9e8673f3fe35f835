// The conversion targets: one row per backend. `katalint convert` and `migrate` look
// targets up here, so adding a backend is one row in targets.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "backends/common/input.hpp"
#include "backends/output.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::backends {

using EmitFunction = EmittedFiles (*)(const ConvertInput&, const ConvertOptions&, ir::DiagnosticSink&);

struct Target {
  std::string_view name;     // --to NAME
  std::string_view profile;  // data/profiles/PROFILE.macros the input is evaluated with
  EmitFunction emit;
};

const std::vector<Target>& targets();
const Target* find_target(std::string_view name);

}  // namespace katalint::backends
