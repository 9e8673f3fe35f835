// SUSE packaging style: the pieces `katalint fmt` and the SUSE backend share. Tag order,
// spelling and alignment, licences as SPDX expressions, dependency lists split one per line
// and sorted, and hard-coded paths written as rpm's directory macros. Tables live in
// data/suse-style/ (compiled into the binary).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katalint::suse_style {

// Values start in this column (0-based), after "BuildRequires:  ".
inline constexpr std::size_t kValueColumn = 16;

// The canonical spelling of a preamble tag name ("Buildrequires" -> "BuildRequires",
// "Url" -> "URL", "source12" -> "Source12"); the name unchanged when it is not a tag.
std::string canonical_tag_name(std::string_view name);
// "Name:" padded to kValueColumn, or followed by one blank when it is longer.
std::string aligned_tag_prefix(std::string_view key);

// A licence expression with deprecated SPDX ids and common free-text names replaced by
// current SPDX ids, ';' read as AND and operators upper-cased ("GPL-2.0+; MIT" ->
// "GPL-2.0-or-later AND MIT"). Unknown atoms stay as they are.
std::string spdx_license(std::string_view value);

// One dependency of an unexpanded tag value.
struct Dependency {
  std::string name;      // "foo", "%{name}-devel", "pkgconfig(glib-2.0)", "(a or b)"
  std::string op;        // "", "<", "<=", "=", ">=", ">" (normalised)
  std::string version;   // "" when unversioned
  [[nodiscard]] std::string text() const;  // "name op version"
};
// Splits an unexpanded dependency list (blanks or commas between items) into items. Macros
// (%{...}, %(...)) and rich dependencies stay whole; "=>" becomes ">=", "==" "=", and
// "packageand(a:b)" the rich "(a and b)". Returns nullopt when the value cannot be split
// safely (for example an unbalanced brace), so the caller keeps it as written.
std::optional<std::vector<Dependency>> split_dependencies(std::string_view value);
// The order SUSE sorts dependency lines in: pattern() first, then plain names and macros,
// then bracketed namespaces (pkgconfig(), cmake(), perl(), tex(), rubygem()).
std::string dependency_sort_key(std::string_view line);

// Names of the dependency namespaces a -devel or module package can be converted to.
enum class Namespace { Pkgconfig, Perl, Cmake, Tex };
// The namespaced dependencies that replace `package` ("zlib-devel" -> {"pkgconfig(zlib)"}),
// empty when the table has no entry.
std::vector<std::string> namespaced_names(Namespace ns, std::string_view package);

// Rewrites hard-coded paths (/usr/share -> %{_datadir}, /etc -> %{_sysconfdir}, ...) and
// $RPM_BUILD_ROOT spellings (-> %{buildroot}) in one line of spec text.
std::string replace_known_paths(std::string line);
std::string replace_buildroot(std::string line);

// Group values the openSUSE package group guidelines allow.
bool is_allowed_group(std::string_view group);

// Macros written without braces in SUSE style because they are statements (%configure,
// %make_build, %fdupes, ...) or section and directive keywords.
bool is_statement_macro(std::string_view name);

}  // namespace katalint::suse_style
