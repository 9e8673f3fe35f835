// malformed-contact: a Maintainer or Uploaders entry that is not Name <address>.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// A "Name <local@host>" contact as RFC 5322 allows it for Debian (Email::Address::XS).
bool valid_contact(std::string_view c) {
  c = trim(c);
  const auto open = c.find('<');
  if (open == std::string_view::npos || c.back() != '>') return false;
  const std::string_view address = c.substr(open + 1, c.size() - open - 2);
  const auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == address.size()) return false;
  for (char ch : address)
    if (ch == ' ' || ch == '\t' || ch == '<' || ch == '>' || ch == ',' || ch == '/') return false;
  return true;
}

// Splits Uploaders at the commas that follow a closing '>' (names may hold commas in quotes).
std::vector<std::pair<std::size_t, std::string_view>> contacts(std::string_view v) {
  std::vector<std::pair<std::size_t, std::string_view>> out;
  std::size_t start = 0;
  bool quoted = false;
  for (std::size_t i = 0; i <= v.size(); ++i) {
    if (i < v.size() && v[i] == '"') quoted = !quoted;
    if (i == v.size() || (v[i] == ',' && !quoted)) {
      const std::string_view part = v.substr(start, i - start);
      const auto b = part.find_first_not_of(" \t\n");
      if (b != std::string_view::npos) {
        const std::string_view t = trim(part.substr(b));
        out.push_back({start + b, t});
      }
      start = i + 1;
    }
  }
  return out;
}

void check(const Context& ctx, Reporter& out) {
  const auto* p = source_paragraph(ctx);
  if (p == nullptr) return;
  for (const char* name : {"Maintainer", "Uploaders"}) {
    const auto* f = p->find(name);
    if (f == nullptr || unresolved(f->value)) continue;
    for (const auto& [at, contact] : contacts(f->value)) {
      if (valid_contact(contact)) continue;
      out.report(value_range(ctx, *f, at, contact.size()),
                 fmt::format("{} '{}' is not a contact of the form 'Name <user@host>'", name, contact));
    }
  }
}

}  // namespace

extern const RuleInfo malformed_contact;  // listed in rules/rules.def
constinit const RuleInfo malformed_contact{
    .id = "malformed-contact",
    .severity = ir::Severity::Error,
    .summary = "a Maintainer or Uploaders entry that is not Name <address>",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a `Maintainer` or `Uploaders` entry that is not `Name <user@host>`: a missing address, an address without `@`, or a URL instead of an address.)md",
             .why = R"md(The archive and the bug tracker mail the maintainer at that address (Policy 5.6.2). Kata's OBS files had `Kata containers <https://github.com/kata-containers/>`. lintian reports `malformed-contact`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Example team <https://example.org/team>
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
Maintainer: Example team <team@example.org>
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
             .reference = R"md(Debian Policy 5.6.2, 5.6.3; lintian `malformed-contact`; rules-debian.md DEB-C009.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
