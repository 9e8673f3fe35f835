// description-starts-with-package-name: a synopsis that starts with the package name.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

void check(const Context& ctx, Reporter& out) {
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto s = synopsis_of(ctx, *p);
    const std::string_view name = p->find("Package")->value;
    if (s.field == nullptr || name.empty() || unresolved(name) || s.text.size() <= name.size()) continue;
    if (!iequals(s.text.substr(0, name.size()), name) || word_char(s.text[name.size()])) continue;
    out.report(first_line_range(ctx, *s.field), fmt::format("the synopsis starts with the package name '{}'", name));
  }
}

}  // namespace

extern const RuleInfo description_starts_with_package_name;  // listed in rules/rules.def
constinit const RuleInfo description_starts_with_package_name{
    .id = "description-starts-with-package-name",
    .severity = ir::Severity::Error,
    .summary = "a synopsis that starts with the package name",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a synopsis (the first line of `Description`) that begins with the package's own name.)md",
             .why = R"md(Package lists show the name next to the synopsis, so repeating it wastes the short line (Policy 3.4.1). lintian reports `description-starts-with-package-name`.)md",
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
Description: example is a tool that prints a greeting
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
             .reference = R"md(Debian Policy 3.4.1; Developer's Reference 6.2.2; lintian `description-starts-with-package-name`; rules-debian.md DEB-D002.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
