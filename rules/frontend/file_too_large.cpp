// file-too-large: reported by frontend/debian/text.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo file_too_large;  // listed in rules/rules.def
constinit const RuleInfo file_too_large{
    .id = "file-too-large",
    .severity = ir::Severity::Error,
    .summary = "the file is too large to be a packaging file and was not parsed",
    .origin = Origin::Frontend,
    .kinds = kDebianFiles | kind_bit(frontend::FileKind::SuseChanges) | kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports a Debian or OBS file too large to be packaging, which katalint does not parse.)md",
             .why = R"md(Such a file is almost certainly not what its name says; parsing it would only waste time.)md",
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
             .fix_safety = R"md(No fix.)md",
             .reference = R"md(docs/debian-frontend.md (limits).)md",
             .example_file = "debian/control",
             .not_runnable = "the example would be a file of many megabytes"},
};

}  // namespace katalint::rules
