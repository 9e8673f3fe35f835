// description-synopsis-is-empty: a binary package Description with an empty first line.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto s = synopsis_of(ctx, *p);
    if (s.field != nullptr && s.text.empty())
      out.report(s.field->name_range, "the Description has no synopsis on its first line");
  }
}

}  // namespace

extern const RuleInfo description_synopsis_is_empty;  // listed in rules/rules.def
constinit const RuleInfo description_synopsis_is_empty{
    .id = "description-synopsis-is-empty",
    .severity = ir::Severity::Error,
    .summary = "a binary package Description with an empty first line",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a binary package whose `Description:` line is empty, with all the text on the continuation lines.)md",
             .why = R"md(The first line is the synopsis that apt, the archive and every package list show (Policy 3.4.1). Every Kata OBS `debian.control` had `Description:` alone. lintian reports `description-synopsis-is-empty`.)md",
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
Description:
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
             .reference = R"md(Debian Policy 3.4.1, 5.6.13; lintian `description-synopsis-is-empty`; rules-debian.md DEB-D001.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
