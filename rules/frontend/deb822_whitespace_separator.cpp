// deb822-whitespace-separator: reported by frontend/debian/deb822.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo deb822_whitespace_separator;  // listed in rules/rules.def
constinit const RuleInfo deb822_whitespace_separator{
    .id = "deb822-whitespace-separator",
    .severity = ir::Severity::Info,
    .summary = "a paragraph separator line contains whitespace",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a line between two paragraphs that holds blanks instead of being empty.)md",
             .why = R"md(Older parsers do not take a blank-only line as a separator and merge the paragraphs.)md",
             .example = R"md(Source: example
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
             .reference = R"md(Debian Policy 5.1 (paragraphs are separated by empty lines).)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
