// The Fedora backend: a spec per the Fedora packaging guidelines (rpmautospec by default,
// the classic Release/%changelog form with ConvertOptions::classic_release).
#pragma once

#include "backends/common/input.hpp"
#include "backends/output.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::backends::fedora {

inline constexpr const char* kProfile = "fedora";

EmittedFiles emit(const ConvertInput& input, const ConvertOptions& options, ir::DiagnosticSink& sink);

}  // namespace katalint::backends::fedora
