// bad-relation: reported by frontend/debian/relations.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo bad_relation;  // listed in rules/rules.def
constinit const RuleInfo bad_relation{
    .id = "bad-relation",
    .severity = ir::Severity::Error,
    .summary = "a relationship field (Depends, Build-Depends, ...) does not parse",
    .origin = Origin::Frontend,
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc) | kind_bit(frontend::FileKind::DebianCopyright),
    .doc = {.what = R"md(Reports a relationship field (`Depends`, `Build-Depends`, `Recommends`, ...) in `debian/control` or a `.dsc` that does not parse: an unclosed version restriction, an unknown operator, a missing package name.)md",
             .why = R"md(dpkg-source and apt reject the field, so the package cannot be built or installed.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13
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
             .reference = R"md(Debian Policy 7.1 (Syntax of relationship fields); lintian.)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
