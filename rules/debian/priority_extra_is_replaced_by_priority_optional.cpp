// priority-extra-is-replaced-by-priority-optional: a Priority of extra, which Policy 4.0.1 merged into optional.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  for_each_field(ctx, "Priority", [&](const Deb822Field& f) {
    if (f.value != "extra" || f.continued()) return;
    out.report(f.value_range, "Priority 'extra' is obsolete; it means 'optional'")
        .fix("write 'optional'", ir::Applicability::Safe, {{f.value_range, "optional"}});
  });
}

}  // namespace

extern const RuleInfo priority_extra_is_replaced_by_priority_optional;  // listed in rules/rules.def
constinit const RuleInfo priority_extra_is_replaced_by_priority_optional{
    .id = "priority-extra-is-replaced-by-priority-optional",
    .severity = ir::Severity::Warning,
    .summary = "a Priority of extra, which Policy 4.0.1 merged into optional",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .fix = FixAvailability::Safe,
    .doc = {.what = R"md(Reports `Priority: extra`.)md",
             .why = R"md(Debian Policy 4.0.1 deprecated `extra`; packages of that priority are `optional`. lintian reports `priority-extra-is-replaced-by-priority-optional`.)md",
             .example = R"md(Source: example
Section: utils
Priority: extra
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
             .fix_safety = R"md(The fix writes `optional`, which is what `extra` means since Policy 4.0.1: safe.)md",
             .reference = R"md(Debian Policy 2.5; lintian `priority-extra-is-replaced-by-priority-optional`; rules-debian.md DEB-C017.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
