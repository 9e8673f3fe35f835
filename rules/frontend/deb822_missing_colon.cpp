// deb822-missing-colon: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_missing_colon;  // listed in rules/rules.def
constinit const RuleInfo deb822_missing_colon{
    .id = "deb822-missing-colon",
    .severity = ir::Severity::Error,
    .summary = "a line is neither a field, a continuation line nor a comment",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a line in a deb822 paragraph that has no `:` after the field name and does not start with a blank.)md",
             .why = R"md(dpkg stops with `line with no colon`.)md",
             .example = R"md(Source: example
Section utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: example tool
 An example package.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: example tool
 An example package.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 5.1.)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
