#include "ir/package.hpp"

namespace katalint::ir {

std::string_view to_string(DepKind kind) {
  switch (kind) {
    case DepKind::Requires: return "Requires";
    case DepKind::Provides: return "Provides";
    case DepKind::Conflicts: return "Conflicts";
    case DepKind::Obsoletes: return "Obsoletes";
    case DepKind::Recommends: return "Recommends";
    case DepKind::Suggests: return "Suggests";
    case DepKind::Supplements: return "Supplements";
    case DepKind::Enhances: return "Enhances";
    case DepKind::OrderWithRequires: return "OrderWithRequires";
    case DepKind::BuildRequires: return "BuildRequires";
    case DepKind::BuildConflicts: return "BuildConflicts";
    case DepKind::PreDepends: return "Pre-Depends";
    case DepKind::Breaks: return "Breaks";
    case DepKind::Replaces: return "Replaces";
    case DepKind::BuiltUsing: return "Built-Using";
  }
  return "Requires";
}

}  // namespace katalint::ir
