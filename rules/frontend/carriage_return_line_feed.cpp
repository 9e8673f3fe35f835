// carriage-return-line-feed: reported by frontend/debian/text.cpp; the check lives there, this is its registry entry.
#include "rules/rule.hpp"

namespace katalint::rules {

extern const RuleInfo carriage_return_line_feed;  // listed in rules/rules.def
constinit const RuleInfo carriage_return_line_feed{
    .id = "carriage-return-line-feed",
    .severity = ir::Severity::Warning,
    .summary = "the file has crlf line terminators",
    .origin = Origin::Frontend,
    .kinds = kDebianFiles | kind_bit(frontend::FileKind::SuseChanges) | kind_bit(frontend::FileKind::ObsService),
    .doc = {.what = R"md(Reports a Debian or OBS file with CR LF line ends. The example shows the carriage returns as `\x0d`.)md",
             .why = R"md(Debian tools read the CR as part of each value, so field values and make recipes end in a stray byte.)md",
             .example = "Source: example\r\nSection: utils\r\nPriority: optional\r\nMaintainer: Jane Doe <jane@example.org>\r\nBuild-Depends: debhelper-compat (= 13)\r\nStandards-Version: 4.6.2\r\n\r\nPackage: example\r\nArchitecture: any\r\nDepends: ${shlibs:Depends}, ${misc:Depends}\r\nDescription: example tool\r\n An example package.\r\n",
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
             .reference = R"md(lintian `carriage-return-line-feed`.)md",
             .example_file = "debian/control"},
};

}  // namespace katalint::rules
