// magic-arch-in-arch-list: any or all combined with other architectures in debian/control.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto* f = p->find("Architecture");
    if (f == nullptr || unresolved(f->value)) continue;
    const auto words = split(f->value, " \t\n");
    if (words.size() < 2) continue;
    for (const auto w : words) {
      if (w != "any" && w != "all") continue;
      const auto at = static_cast<std::size_t>(w.data() - f->value.data());
      out.report(value_range(ctx, *f, at, w.size()),
                 fmt::format("'{}' must stand alone in the Architecture field", w));
    }
  }
}

}  // namespace

extern const RuleInfo magic_arch_in_arch_list;  // listed in rules/rules.def
constinit const RuleInfo magic_arch_in_arch_list{
    .id = "magic-arch-in-arch-list",
    .severity = ir::Severity::Error,
    .summary = "any or all combined with other architectures in debian/control",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports `any` or `all` next to other architectures in a binary package's `Architecture` field.)md",
             .why = R"md(`any` and `all` are not architecture names: dpkg-source refuses `all` with others, and `any amd64` means nothing more than `any`. lintian reports `magic-arch-in-arch-list`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: amd64 all
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
             .reference = R"md(Debian Policy 5.6.8; lintian `magic-arch-in-arch-list`; rules-debian.md DEB-C004.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
