// The SUSE backend: a devel-project package (spec, .changes, _service) for openSUSE
// Tumbleweed. docs/backends.md compares its output with what openSUSE ships.
#pragma once

#include "backends/common/input.hpp"
#include "backends/output.hpp"
#include "ir/diagnostic.hpp"

namespace katalint::backends::suse {

// The profile the package directory must be loaded with.
inline constexpr const char* kProfile = "opensuse-tumbleweed";

EmittedFiles emit(const ConvertInput& input, const ConvertOptions& options, ir::DiagnosticSink& sink);

}  // namespace katalint::backends::suse
