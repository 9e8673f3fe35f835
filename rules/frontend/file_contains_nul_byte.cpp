// file-contains-nul-byte: reported by frontend/debian/text.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

using namespace std::string_view_literals;

extern const RuleInfo file_contains_nul_byte;  // listed in rules/rules.def
constinit const RuleInfo file_contains_nul_byte{
    .id = "file-contains-nul-byte",
    .severity = ir::Severity::Error,
    .summary = "the file contains nul bytes",
    .origin = Origin::Frontend,
    .kinds = kDebianFiles | kind_bit(frontend::FileKind::SuseChanges) | kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports a NUL byte in a Debian or OBS file. The example shows it as `\x00`.)md",
             .why = R"md(NUL is never valid in these text files, and C tools stop reading at it.)md",
             .example = R"md(Source: example
Section: ut)md" "\0" R"md(ils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: example tool
 An example package.
)md"sv,
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
             .reference = R"md(lintian; Debian Policy 5.1 (control files are UTF-8 text).)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
