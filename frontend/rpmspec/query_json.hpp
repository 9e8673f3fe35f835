// What `rpmspec -q` (rpm 4.18) reports about an evaluated spec, in the JSON shape of the
// `srpm` and `packages` objects of tools/rpm-truth.sh. It adds what rpm adds by itself:
// `name = [E:]V-R` and `name(isa) = [E:]V-R` provides, scriptlet interpreter and rpmlib()
// requires, the "Unspecified" group, and rpm's order of dependencies. Rules: docs/query.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ir/package.hpp"

namespace katalint::rpmspec {

struct QueryOptions {
  std::string target_arch = "x86_64";  // %{_target_cpu}: the arch of packages that are not noarch
};

// {"srpm": {...}, "packages": [{...}, ...]}, keys in rpm-truth.sh's order, null for a
// missing value.
nlohmann::ordered_json query_json(const ir::Package& package, const QueryOptions& options = {});
// The same document as text, appended to `out`: compact when indent < 0, else indented as
// dump(indent) prints it. Written directly, without building the JSON tree.
void write_query_json(const ir::Package& package, std::string& out, int indent = -1,
                      const QueryOptions& options = {});
std::string query_json_text(const ir::Package& package, int indent = -1, const QueryOptions& options = {});

// One binary package's identity as rpm puts it in the header: subpackages inherit epoch,
// version, release, license, URL and group from the main package unless they set their own.
struct ResolvedPackage {
  std::string name;
  std::optional<std::string> epoch;
  std::string version;
  std::string release;
  std::string arch;
  std::optional<std::string> summary, license, url;
  std::string group;
  std::optional<std::string> description;

  // [E:]V-R, as rpm's %{EVR}.
  [[nodiscard]] std::string evr() const;
};
ResolvedPackage resolve_package(const ir::Package& package, std::size_t index,
                                const QueryOptions& options = {});

// rpm's %{_isa} for an arch: "(x86-64)" for x86_64; "" for noarch or an arch it has no name for.
std::string isa_suffix(std::string_view arch);

// The provides rpm adds to every binary package: `name = EVR`, and `name(isa) = EVR` unless
// the package is noarch.
std::vector<ir::Dependency> automatic_provides(const ResolvedPackage& resolved);

// The requires rpm derives from a package's scriptlets: the interpreter (`/bin/sh` unless
// -p names another) qualified by the scriptlet kind and `interp`, plus rpmlib() features
// (BuiltinLuaScripts for `-p <lua>`, ScriptletInterpreterArgs for an interpreter with
// arguments, ScriptletExpansion for -e/-q).
std::vector<ir::Dependency> script_requires(const ir::BinaryPackage& package);

// rpm's file name for a Source/Patch URL: the text after the last '/', and then after the
// last '=' in it.
std::string source_file_name(std::string_view url);

}  // namespace katalint::rpmspec
