// Placeholder values for a whole home project (docs/backends.md, "Values"): one file of
// KEY=VALUE lines whose top applies to every package and whose `[package]` sections
// apply to one package each, plus an optional `katalint.values` file in a package's
// directory, which wins over both.
#pragma once

#include <map>
#include <string>

#include "frontend/placeholders.hpp"
#include "ir/diagnostic.hpp"
#include "ir/source.hpp"

namespace katalint::backends {

inline constexpr const char* kPackageValuesFile = "katalint.values";

struct ProjectValues {
  frontend::PlaceholderValues global;
  std::map<std::string, frontend::PlaceholderValues, std::less<>> packages;  // by section name
};

// Reads `file` (already in `sources`); bad lines are reported to `sink` with positions.
ProjectValues parse_project_values(ir::SourceManager& sources, ir::FileId file, ir::DiagnosticSink& sink);

// The values one package sees: global, then its section, then `beside` (its own file).
frontend::PlaceholderValues values_for(const ProjectValues& project, std::string_view package,
                                       const frontend::PlaceholderValues& beside);

}  // namespace katalint::backends
