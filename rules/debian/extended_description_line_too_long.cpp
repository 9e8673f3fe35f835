// extended-description-line-too-long: an extended description line longer than 80 characters.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const Deb822Document& doc = *ctx.deb822;
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto s = synopsis_of(ctx, *p);
    if (s.field == nullptr) continue;
    for (std::uint32_t i = 1; i < s.field->piece_count; ++i) {
      const auto& piece = doc.pieces[s.field->first_piece + i];
      std::string_view line = doc.piece_text(piece);
      if (!line.empty()) line.remove_prefix(1);  // the one blank that marks a continuation line
      // Lines indented further are shown verbatim; lintian leaves them alone.
      if (line.empty() || line[0] == ' ' || line[0] == '\t' || unresolved(line)) continue;
      if (const auto n = code_points(line); n > 80)
        out.report(doc.range(piece.begin, piece.end), fmt::format("this description line is {} characters long; wrap it at 80", n));
    }
  }
}

}  // namespace

extern const RuleInfo extended_description_line_too_long;  // listed in rules/rules.def
constinit const RuleInfo extended_description_line_too_long{
    .id = "extended-description-line-too-long",
    .severity = ir::Severity::Warning,
    .summary = "an extended description line longer than 80 characters",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a line of a binary package's extended description with more than 80 characters (lines indented by more than one blank are verbatim and not checked).)md",
             .why = R"md(Front-ends show the description in 80 columns. RPM `%description` is free text and must be re-wrapped when it is converted. lintian reports `extended-description-line-too-long`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting, written so that this one line of the description runs past eighty columns.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting, written so that this one line
 of the description stays within eighty columns.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 3.4.1, 5.6.13; lintian `extended-description-line-too-long`; rules-debian.md DEB-D004.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
