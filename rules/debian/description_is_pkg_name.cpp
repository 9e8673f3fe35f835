// description-is-pkg-name: a synopsis that is only the package name.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto s = synopsis_of(ctx, *p);
    const std::string_view name = p->find("Package")->value;
    if (s.field == nullptr || name.empty() || unresolved(name) || fuzzy_name(s.text) != fuzzy_name(name)) continue;
    out.report(first_line_range(ctx, *s.field), fmt::format("the synopsis is just the package name '{}'", name));
  }
}

}  // namespace

extern const RuleInfo description_is_pkg_name;  // listed in rules/rules.def
constinit const RuleInfo description_is_pkg_name{
    .id = "description-is-pkg-name",
    .severity = ir::Severity::Error,
    .summary = "a synopsis that is only the package name",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a synopsis that is nothing but the package name, compared as lintian does: case, hyphens, underscores and slashes aside (`Kata containers image` for `kata-containers-image`).)md",
             .why = R"md(It tells the user nothing the name did not (Policy 3.4.1). lintian reports `description-is-pkg-name`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: example
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
             .reference = R"md(Debian Policy 3.4.1; lintian `description-is-pkg-name`; rules-debian.md DEB-D002.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
