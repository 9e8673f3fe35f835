// source-field-malformed: a Source name that is not a valid Debian package name.
#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

bool valid_name(std::string_view name) {
  if (name.size() < 2) return false;
  auto lower_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_digit(name[0])) return false;
  for (char c : name)
    if (!lower_digit(c) && c != '+' && c != '-' && c != '.') return false;
  return true;
}

void check(const Context& ctx, Reporter& out) {
  const auto* p = source_paragraph(ctx);
  const auto* f = p != nullptr ? p->find("Source") : nullptr;
  if (f == nullptr || f->value.empty() || unresolved(f->value)) return;
  if (!valid_name(f->value))
    out.report(f->value_range, fmt::format("source package name '{}' must be at least two characters of "
                                           "a-z, 0-9, '+', '-' and '.', starting with a letter or digit",
                                           f->value));
}

}  // namespace

extern const RuleInfo source_field_malformed;  // listed in rules/rules.def
constinit const RuleInfo source_field_malformed{
    .id = "source-field-malformed",
    .severity = ir::Severity::Error,
    .summary = "a Source name that is not a valid Debian package name",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a `Source` field whose value is not a valid package name: lower-case letters, digits, `+`, `-` and `.`, at least two characters, starting with a letter or digit.)md",
             .why = R"md(dpkg-source refuses such a name and the archive cannot hold it (Policy 5.6.1). lintian reports `source-field-malformed`.)md",
             .example = R"md(Source: Example_Tool
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
             .use_instead = R"md(Source: example-tool
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
             .reference = R"md(Debian Policy 5.6.1; lintian `source-field-malformed`; rules-debian.md DEB-C008.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
