// national-encoding: reported by frontend/debian/text.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo national_encoding;  // listed in rules/rules.def
constinit const RuleInfo national_encoding{
    .id = "national-encoding",
    .severity = ir::Severity::Warning,
    .summary = "the file is not valid utf-8",
    .origin = Origin::Frontend,
    .kinds = kDebianFiles | kind_bit(frontend::FileKind::SuseChanges) | kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports a Debian or OBS file that is not valid UTF-8. The example holds the Latin-1 byte E9.)md",
             .why = R"md(Debian control files must be UTF-8; other encodings show up as garbage in package managers.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jan)md" "\xe9" R"md( Doe <jane@example.org>
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
Maintainer: Jané Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: example tool
 An example package.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on what the author meant.)md",
             .reference = R"md(Debian Policy 5.1; lintian `national-encoding`.)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
