// rpm 4.18's dependency tags (Requires, Provides, BuildRequires, ...): parsing an expanded tag
// value as parseRCPOT does, and rendering and ordering dependencies as rpm stores them.
// docs/query.md lists every rule with the rpm output it was checked against.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ir/diagnostic.hpp"
#include "ir/package.hpp"

namespace katalint::rpmspec {

// rpm's rpmsenseFlags bits (rpm 4.18 rpmds.h). Kept numeric: rpm orders dependencies by them.
namespace sense {
inline constexpr std::uint32_t kLess = 1u << 1;
inline constexpr std::uint32_t kGreater = 1u << 2;
inline constexpr std::uint32_t kEqual = 1u << 3;
inline constexpr std::uint32_t kPosttrans = 1u << 5;
inline constexpr std::uint32_t kPrereq = 1u << 6;
inline constexpr std::uint32_t kPretrans = 1u << 7;
inline constexpr std::uint32_t kInterp = 1u << 8;
inline constexpr std::uint32_t kScriptPre = 1u << 9;
inline constexpr std::uint32_t kScriptPost = 1u << 10;
inline constexpr std::uint32_t kScriptPreun = 1u << 11;
inline constexpr std::uint32_t kScriptPostun = 1u << 12;
inline constexpr std::uint32_t kScriptVerify = 1u << 13;
inline constexpr std::uint32_t kFindRequires = 1u << 14;
inline constexpr std::uint32_t kFindProvides = 1u << 15;
inline constexpr std::uint32_t kMissingOk = 1u << 19;
inline constexpr std::uint32_t kRpmlib = 1u << 24;
inline constexpr std::uint32_t kConfig = 1u << 28;
inline constexpr std::uint32_t kMeta = 1u << 29;
inline constexpr std::uint32_t kSenseMask = kLess | kGreater | kEqual;
}  // namespace sense

// Dependencies read from one field, and from one file. Real fields hold a few dozen and real
// files a few hundred; past these limits the rest is reported (`too-many-dependencies`) and
// dropped, so a hostile file cannot make katalint hold millions of them.
inline constexpr std::size_t kMaxDependenciesPerField = 10000;
inline constexpr std::size_t kMaxDependenciesPerFile = 50000;

// Parses one expanded dependency tag value: items separated by whitespace or commas, each
// `name`, `name op evr` or a rich dependency `(...)`. `qualifiers` are the words of
// `Requires(pre,post):` and are copied into every dependency. Problems are reported as
// `invalid-dependency` at `range`; rpm rejects the whole spec then, so parsing stops at the
// first one and the dependencies read before it are returned.
std::vector<ir::Dependency> parse_dependencies(std::string_view value, ir::DepKind kind,
                                               std::vector<std::string> qualifiers,
                                               ir::Range range, ir::DiagnosticSink& sink);

// rpm's text for a dependency, as `%{REQUIRENEVRS}` prints it: `name`, `name >= 1.2`, or the
// normalised rich expression `(a >= 1 with b)`.
std::string render_dependency(const ir::Dependency& dep);

// The comparison bits of an operator ("<", "<=", "==", "=>", ...); 0 when it is not one.
std::uint32_t sense_of_operator(std::string_view op);
// The canonical spelling of an operator: "<", "<=", "=", ">=", ">" ("" for none).
std::string canonical_operator(std::uint32_t sense_bits);

// Bits of the Requires qualifiers (`pre`, `post`, `interp`, `meta`, ...); nullopt when one
// of them is not a qualifier rpm 4.18 knows.
std::optional<std::uint32_t> qualifier_flags(std::span<const std::string> qualifiers);

// The flags rpm stores for a dependency: comparison bits, qualifier bits and, for a Requires
// on `rpmlib(...)`, the rpmlib bit.
std::uint32_t dependency_flags(const ir::Dependency& dep);

// rpm's `:deptype` formatter: "manual", "pre", "post,interp", "rpmlib", ...
std::string deptype(std::uint32_t flags);

// rpm keeps each dependency tag as a sorted set (rpmdsMerge): ordered by name, then EVR
// (byte-wise), then flags; exact duplicates are dropped. Sorts `deps` in place that way.
void sort_dependencies(std::vector<ir::Dependency>& deps);
// The same, on pointers, so that nothing is copied.
void sort_dependencies(std::vector<const ir::Dependency*>& deps);

}  // namespace katalint::rpmspec
