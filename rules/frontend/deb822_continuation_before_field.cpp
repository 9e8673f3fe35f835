// deb822-continuation-before-field: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_continuation_before_field;  // listed in rules/rules.def
constinit const RuleInfo deb822_continuation_before_field{
    .id = "deb822-continuation-before-field",
    .severity = ir::Severity::Error,
    .summary = "a continuation line outside of a field",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a line that starts with a blank (a continuation line) where no field is open, such as at the start of a paragraph.)md",
             .why = R"md(dpkg rejects the file: a continuation line must continue a field.)md",
             .example = R"md( stray continuation
Source: example
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
             .reference = R"md(Debian Policy 5.1 (Syntax of control files).)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
