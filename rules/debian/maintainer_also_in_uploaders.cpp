// maintainer-also-in-uploaders: the Maintainer is listed again in Uploaders.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

void check(const Context& ctx, Reporter& out) {
  const auto* p = source_paragraph(ctx);
  if (p == nullptr) return;
  const auto* maintainer = p->find("Maintainer");
  const auto* uploaders = p->find("Uploaders");
  if (maintainer == nullptr || uploaders == nullptr) return;
  const std::string_view mail = mail_of(maintainer->value);
  if (mail.empty() || unresolved(mail)) return;
  const std::string_view v = uploaders->value;
  for (std::size_t at = v.find(mail); at != std::string_view::npos; at = v.find(mail, at + 1)) {
    const bool bracketed = at > 0 && v[at - 1] == '<' && at + mail.size() < v.size() && v[at + mail.size()] == '>';
    if (!bracketed) continue;
    out.report(value_range(ctx, *uploaders, at, mail.size()),
               fmt::format("'{}' is the Maintainer already", mail))
        .note(maintainer->value_range, "the Maintainer field");
    return;
  }
}

}  // namespace

extern const RuleInfo maintainer_also_in_uploaders;  // listed in rules/rules.def
constinit const RuleInfo maintainer_also_in_uploaders{
    .id = "maintainer-also-in-uploaders",
    .severity = ir::Severity::Warning,
    .summary = "the Maintainer is listed again in Uploaders",
    .kinds = kind_bit(frontend::FileKind::DebianControl),
    .doc = {.what = R"md(Reports an `Uploaders` entry with the same address as `Maintainer`.)md",
             .why = R"md(`Uploaders` lists the co-maintainers besides the maintainer; repeating the maintainer says nothing. lintian reports `maintainer-also-in-uploaders`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Uploaders: Jane Doe <jane@example.org>, John Roe <john@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .use_instead = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Uploaders: John Roe <john@example.org>
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
             .reference = R"md(Debian Policy 5.6.3; lintian `maintainer-also-in-uploaders`; rules-debian.md DEB-C010.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
