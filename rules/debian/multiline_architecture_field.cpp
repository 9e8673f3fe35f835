// multiline-architecture-field: an Architecture field in debian/control continued over several lines.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_field(ctx, "Architecture", [&](const Deb822Field& f) {
    if (f.continued()) out.report(f.range, "the Architecture field is continued over several lines");
  });
}

}  // namespace

extern const RuleInfo multiline_architecture_field;  // listed in rules/rules.def
constinit const RuleInfo multiline_architecture_field{
    .id = "multiline-architecture-field",
    .severity = ir::Severity::Error,
    .summary = "an Architecture field in debian/control continued over several lines",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports an `Architecture` field of `debian/control` whose value goes on over continuation lines.)md",
             .why = R"md(Policy 5.6.8 makes `Architecture` a simple field: one line. dpkg and lintian (`multiline-architecture-field`) reject a folded value.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: amd64
 arm64
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
Architecture: amd64 arm64
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 5.6.8; lintian `multiline-architecture-field`; rules-debian.md DEB-C004.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
