// unknown-archive-section: a Section that is not a section of the Debian archive.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_field(ctx, "Section", [&](const Deb822Field& f) {
    if (f.value.empty() || unresolved(f.value)) return;
    std::string_view section = f.value;
    // An archive area may come first: contrib/net, non-free/libs, universe/utils (Ubuntu).
    if (const auto slash = section.find('/'); slash != std::string_view::npos) section.remove_prefix(slash + 1);
    if (!is_archive_section(section))
      out.report(f.value_range, fmt::format("'{}' is not a section of the archive (Policy 2.4)", section));
  });
}

}  // namespace

extern const RuleInfo unknown_archive_section;  // listed in rules/rules.def
constinit const RuleInfo unknown_archive_section{
    .id = "unknown-archive-section",
    .severity = ir::Severity::Warning,
    .summary = "a Section that is not a section of the Debian archive",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a `Section` value that is not one of the archive's sections (after an optional area such as `contrib/` or Ubuntu's `universe/`).)md",
             .why = R"md(The archive software files a package with an unknown section under the wrong place, and tools that map sections fail. lintian reports `unknown-section`; katalint's id differs because `unknown-section` names the spec rule for unknown `%sections`.)md",
             .example = R"md(Source: example
Section: badsection
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 2.4; lintian `unknown-section` (sections from lintian 2.116.3); rules-debian.md DEB-C016.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
