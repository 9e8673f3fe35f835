// synopsis-too-long: a synopsis longer than 80 characters.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto s = synopsis_of(ctx, *p);
    if (s.field == nullptr || unresolved(s.text)) continue;
    if (const auto n = code_points(s.text); n > 80)
      out.report(first_line_range(ctx, *s.field), fmt::format("the synopsis is {} characters long; keep it under 80", n));
  }
}

}  // namespace

extern const RuleInfo synopsis_too_long;  // listed in rules/rules.def
constinit const RuleInfo synopsis_too_long{
    .id = "synopsis-too-long",
    .severity = ir::Severity::Warning,
    .summary = "a synopsis longer than 80 characters",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a synopsis of more than 80 characters.)md",
             .why = R"md(Package lists show the synopsis on one line; Policy 3.4.1 asks for less than 80 characters. RPM `Summary:` has no limit, so converted packages often exceed it. lintian reports `synopsis-too-long`.)md",
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
Description: greeting tool that prints a friendly greeting to everyone who runs it, in many languages
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
             .reference = R"md(Debian Policy 3.4.1; lintian `synopsis-too-long`; rules-debian.md DEB-D003.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
