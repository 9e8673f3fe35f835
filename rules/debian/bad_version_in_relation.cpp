// bad-version-in-relation: a version in a relation that is not a valid Debian version.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// dpkg's parseversion and version_check: [epoch:]upstream[-revision].
std::string version_error(std::string_view v) {
  if (v.empty()) return "it is empty";
  std::string_view rest = v;
  if (const auto colon = v.find(':'); colon != std::string_view::npos) {
    const auto epoch = v.substr(0, colon);
    if (epoch.empty() || epoch.find_first_not_of("0123456789") != std::string_view::npos)
      return "the epoch is not a number";
    rest = v.substr(colon + 1);
  }
  std::string_view upstream = rest, revision;
  const auto dash = rest.rfind('-');
  if (dash != std::string_view::npos) {
    upstream = rest.substr(0, dash);
    revision = rest.substr(dash + 1);
    if (revision.empty()) return "the revision after '-' is empty";
  }
  if (upstream.empty()) return "the upstream version is empty";
  if (upstream[0] < '0' || upstream[0] > '9') return "it does not start with a digit";
  for (char c : upstream)
    if (!alnum(c) && c != '.' && c != '+' && c != '~' && c != '-' && c != ':')
      return fmt::format("'{}' is not allowed in a version", c);
  for (char c : revision)
    if (!alnum(c) && c != '.' && c != '+' && c != '~') return fmt::format("'{}' is not allowed in a revision", c);
  return {};
}

void check(const Context& ctx, Reporter& out) {
  for_each_relation(ctx, [&](const ir::Dependency& d, bool) {
    if (d.op.empty() || unresolved(d.evr)) return;
    const std::string error = version_error(d.evr);
    if (!error.empty())
      out.report(d.range, fmt::format("version '{}' of '{}' is not a valid Debian version: {}", d.evr, d.name, error));
  });
}

}  // namespace

extern const RuleInfo bad_version_in_relation;  // listed in rules/rules.def
constinit const RuleInfo bad_version_in_relation{
    .id = "bad-version-in-relation",
    .severity = ir::Severity::Error,
    .summary = "a version in a relation that is not a valid Debian version",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a versioned relation (`foo (>= VERSION)`) whose version breaks the Debian version syntax: a non-numeric epoch, an upstream part that does not start with a digit, or characters other than letters, digits and `.+~-:` (`.+~` in the revision).)md",
             .why = R"md(dpkg-gencontrol copies the field, but dpkg-deb and apt reject the package. lintian reports `bad-version-in-relation`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}, libfoo1 (>= 1.0~beta!)
Description: greeting tool
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
Depends: ${shlibs:Depends}, ${misc:Depends}, libfoo1 (>= 1.0~beta1)
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(Debian Policy 5.6.12; deb-version(7); lintian `bad-version-in-relation`; rules-debian.md DEB-R002.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
