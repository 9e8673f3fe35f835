// deb822-invalid-field-name: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_invalid_field_name;  // listed in rules/rules.def
constinit const RuleInfo deb822_invalid_field_name{
    .id = "deb822-invalid-field-name",
    .severity = ir::Severity::Error,
    .summary = "a field name starts with a hyphen or has characters outside printable ascii",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a field name that starts with `-` or `#`, or holds a character outside printable ASCII or a colon.)md",
             .why = R"md(dpkg rejects the field name.)md",
             .example = R"md(Source: example
-Section: utils
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
             .reference = R"md(Debian Policy 5.1 (field names).)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
