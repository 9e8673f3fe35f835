// debhelper-but-no-misc-depends: a binary package built with debhelper that does not depend on ${misc:Depends}.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

bool uses_debhelper(const Context& ctx) {
  bool found = false;
  for_each_build_depends(ctx, [&](const ir::Dependency& d) {
    found = found || d.name == "debhelper" || d.name == "debhelper-compat" || d.name.starts_with("dh-sequence-");
  });
  return found;
}

void check(const Context& ctx, Reporter& out) {
  if (!uses_debhelper(ctx)) return;
  for (const auto* p : binary_paragraphs(ctx)) {
    // udebs (debian-installer packages) have no maintainer scripts for debhelper to add to.
    const auto* type = p->find("Package-Type");
    if (type == nullptr) type = p->find("XC-Package-Type");
    if (type != nullptr && type->value == "udeb") continue;
    bool found = false;
    for (const auto& f : p->fields)
      if (f.value.find("${misc:Depends}") != std::string::npos) found = true;
    if (found) continue;
    const auto* name = p->find("Package");
    if (unresolved(name->value) && name->value.find("${") == std::string::npos) continue;
    out.report(name->range, fmt::format("'{}' is built with debhelper but does not depend on ${{misc:Depends}}", name->value));
  }
}

}  // namespace

extern const RuleInfo debhelper_but_no_misc_depends;  // listed in rules/rules.def
constinit const RuleInfo debhelper_but_no_misc_depends{
    .id = "debhelper-but-no-misc-depends",
    .severity = ir::Severity::Warning,
    .summary = "a binary package built with debhelper that does not depend on ${misc:Depends}",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a binary package (not a udeb) of a debhelper-built source (`debhelper`, `debhelper-compat` or a `dh-sequence-*` in `Build-Depends`) whose relation fields do not mention `${misc:Depends}`.)md",
             .why = R"md(debhelper commands add dependencies through `${misc:Depends}` (for example on init-system-helpers); without it the package misses them. Kata's OBS files lacked it. lintian reports `debhelper-but-no-misc-depends`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}
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
             .reference = R"md(debhelper(7), dh_gencontrol(1); lintian `debhelper-but-no-misc-depends`; rules-debian.md DEB-R010.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
