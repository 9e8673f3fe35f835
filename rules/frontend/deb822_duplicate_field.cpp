// deb822-duplicate-field: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_duplicate_field;  // listed in rules/rules.def
constinit const RuleInfo deb822_duplicate_field{
    .id = "deb822-duplicate-field",
    .severity = ir::Severity::Error,
    .summary = "a field appears twice in one paragraph",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a field that appears twice in one paragraph (field names compare case-insensitively). A note points at the first one.)md",
             .why = R"md(dpkg rejects the paragraph (`duplicate value for field`).)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Priority: extra
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
             .reference = R"md(Debian Policy 5.1; lintian.)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
