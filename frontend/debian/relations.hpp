// Relationship fields (Policy 7.1, deb-src-control(5)) parsed into ir::Dependency.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "frontend/debian/deb822.hpp"
#include "ir/package.hpp"

namespace katalint::frontend::debian {

// How a relationship field maps onto the IR. `qualifier` goes into Dependency::qualifiers:
// "arch"/"indep" for Build-Depends-Arch/-Indep and Build-Conflicts-Arch/-Indep, "static"
// for Static-Built-Using.
struct RelationField {
  std::string_view name;  // canonical spelling
  ir::DepKind kind;
  std::string_view qualifier;
  bool alternatives;  // `|` allowed (dpkg's "normal" fields; the others are "union" fields)
  bool source;        // belongs to the source paragraph
};

// The table entry for a relationship field name (case-insensitive), or nullopt.
std::optional<RelationField> relation_field(std::string_view name);

// Parses one relationship field. Each comma-separated group becomes one Dependency whose
// `alternatives` hold the atoms after the first `|`. Ranges cover single atoms. Version
// operators are kept as written (`<<`, `<=`, `=`, `>=`, `>>`, obsolete `<`/`>`),
// `[...]` entries go to arch_restrictions as written (`!i386`), each `<...>` group goes to
// profile_restrictions as one string with its terms separated by one space ("!nocheck
// !cross"), `:any`/`:native` to arch_qualifier without the colon, and `${substvar}` stays
// in `name`. Syntax errors are reported as `bad-relation`; the broken group is skipped.
std::vector<ir::Dependency> parse_relations(const Deb822Document& doc, const Deb822Field& field,
                                            const RelationField& how, ir::DiagnosticSink& sink);

}  // namespace katalint::frontend::debian
