// debian-control-has-empty-field: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo debian_control_has_empty_field;  // listed in rules/rules.def
constinit const RuleInfo debian_control_has_empty_field{
    .id = "debian-control-has-empty-field",
    .severity = ir::Severity::Info,
    .summary = "an empty field in debian/control, which is ignored",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a field in `debian/control` with no value.)md",
             .why = R"md(dpkg ignores it, so it is either a leftover or a value that was meant to be there.)md",
             .example = R"md(Source: example
Section:
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
             .reference = R"md(lintian `debian-control-has-empty-field`.)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
