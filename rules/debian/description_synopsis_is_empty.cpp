// description-synopsis-is-empty: a binary package Description with an empty first line.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// The Description field of a binary paragraph and its synopsis (first line), or nulls.
struct Synopsis {
  const Deb822Field* field = nullptr;
  std::string_view text;  // trimmed
};

Synopsis synopsis_of(const Context& ctx, const Deb822Paragraph& p) {
  const auto* f = p.find("Description");
  if (f == nullptr || f->piece_count == 0) return {};
  const auto& piece = ctx.deb822->pieces[f->first_piece];
  return {f, trim(ctx.deb822->piece_text(piece))};
}

void check(const Context& ctx, Reporter& out) {
  for (const auto* p : binary_paragraphs(ctx)) {
    const auto s = synopsis_of(ctx, *p);
    if (s.field != nullptr && s.text.empty())
      out.report(s.field->name_range, "the Description has no synopsis on its first line");
  }
}

}  // namespace

extern const RuleInfo description_synopsis_is_empty;  // listed in rules/rules.def
constinit const RuleInfo description_synopsis_is_empty{
    .id = "description-synopsis-is-empty",
    .severity = ir::Severity::Error,
    .summary = "a binary package Description with an empty first line",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports a binary package whose `Description:` line is empty, with all the text on the continuation lines.)md",
             .why = R"md(The first line is the synopsis that apt, the archive and every package list show (Policy 3.4.1). Every Kata OBS `debian.control` had `Description:` alone. lintian reports `description-synopsis-is-empty`.)md",
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
Description:
 An example package that prints a greeting.
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
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 3.4.1, 5.6.13; lintian `description-synopsis-is-empty`; rules-debian.md DEB-D001.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
