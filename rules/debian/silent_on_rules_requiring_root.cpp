// silent-on-rules-requiring-root: a debian/control source paragraph without Rules-Requires-Root.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const auto* p = source_paragraph(ctx);
  if (p == nullptr || p->find("Source") == nullptr || p->find("Rules-Requires-Root") != nullptr) return;
  const auto* source = p->find("Source");
  out.report(source->range, "the source paragraph does not say whether debian/rules needs root (Rules-Requires-Root)");
}

}  // namespace

extern const RuleInfo silent_on_rules_requiring_root;  // listed in rules/rules.def
constinit const RuleInfo silent_on_rules_requiring_root{
    .id = "silent-on-rules-requiring-root",
    .severity = ir::Severity::Info,
    .summary = "a debian/control source paragraph without Rules-Requires-Root",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a `debian/control` whose source paragraph has no `Rules-Requires-Root` field.)md",
             .why = R"md(Without it, dpkg-buildpackage runs the binary targets under (fake)root. Most packages build fine with `Rules-Requires-Root: no`, which is faster and needs no fakeroot. lintian reports `silent-on-rules-requiring-root` (pedantic).)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2

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
             .reference = R"md(Debian Policy 5.6.31; lintian `silent-on-rules-requiring-root`; rules-debian.md DEB-C012.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
