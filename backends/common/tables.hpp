// The backends' mapping tables (data/backends/*.tsv, compiled into the binary).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace katalint::backends {

struct EmbeddedTable {
  std::string_view name;  // file name, e.g. "rpm-names.tsv"
  std::string_view text;
};
const std::vector<EmbeddedTable>& embedded_tables();

enum class RpmFlavor { Suse, Fedora };

// What a dependency name becomes on a target.
struct MappedName {
  enum class Kind { Same, Renamed, Dropped, Unmapped };
  Kind kind = Kind::Unmapped;
  std::string name;  // the name to write (the input name for Same and Unmapped)
};

// Looks `name` up in data/backends/rpm-names.tsv. Names in rpm's namespaces
// (pkgconfig(...), perl(...), golang(...), cmake(...), python3dist(...)) and file paths map
// to themselves.
MappedName map_rpm_dependency(std::string_view name, RpmFlavor flavor);

// A macro package the backends add (a row starting with '@' in rpm-names.tsv, e.g.
// "@go-toolchain"); empty when the target needs none.
std::string rpm_macro_package(std::string_view key, RpmFlavor flavor);

// A License: value with legacy identifiers replaced by SPDX ones and the words "and"/"or"
// (or bare blanks between identifiers) turned into SPDX AND/OR. `unknown` receives the
// identifiers that are neither in data/backends/licenses.tsv nor look like SPDX already.
std::string spdx_license(std::string_view value, std::vector<std::string>& unknown);

}  // namespace katalint::backends
