// unknown-field: a field dpkg does not know and that has no X[SBC]- prefix.
#include <algorithm>
#include <iterator>

#include <fmt/core.h>

#include "rules/debian/support.hpp"

namespace katalint::rules {
namespace {

using namespace debian_support;

// dpkg 1.21's Dpkg::Control::FieldsCore: fields allowed in the source and binary paragraphs
// of debian/control and in a .dsc; OBS adds its debtransform fields to the .dsc.
constexpr std::string_view kSourceFields[] = {
    "Bugs", "Build-Conflicts", "Build-Conflicts-Arch", "Build-Conflicts-Indep", "Build-Depends",
    "Build-Depends-Arch", "Build-Depends-Indep", "Description", "Homepage", "Maintainer", "Origin",
    "Priority", "Rules-Requires-Root", "Section", "Source", "Standards-Version", "Testsuite",
    "Testsuite-Triggers", "Uploaders", "Vcs-Arch", "Vcs-Browser", "Vcs-Bzr", "Vcs-Cvs", "Vcs-Darcs",
    "Vcs-Git", "Vcs-Hg", "Vcs-Mtn", "Vcs-Svn", "Dgit"};
constexpr std::string_view kBinaryFields[] = {
    "Architecture", "Breaks", "Build-Essential", "Build-Profiles", "Built-For-Profiles", "Built-Using",
    "Conflicts", "Depends", "Description", "Enhances", "Essential", "Homepage", "Installer-Menu-Item",
    "Kernel-Version", "Multi-Arch", "Package", "Package-Type", "Pre-Depends", "Priority", "Protected",
    "Provides", "Recommends", "Replaces", "Section", "Static-Built-Using", "Subarchitecture", "Suggests",
    "Tag", "Task"};
constexpr std::string_view kDscFields[] = {
    "Architecture", "Binary", "Checksums-Md5", "Checksums-Sha1", "Checksums-Sha256", "Files", "Format",
    "Package-List", "Version", "Hash", "Signed-By", "Debtransform-Tar", "Debtransform-Files-Tar",
    "Debtransform-Series", "Debtransform-Release", "Debtransform-Files", "OBS-DCH-Release", "Dgit", "Tag"};

template <std::size_t N>
bool listed(const std::string_view (&names)[N], std::string_view name) {
  return std::any_of(std::begin(names), std::end(names), [&](std::string_view n) { return iequals(n, name); });
}

// X-, XS-, XB-, XC-, XSB-, ... are user-defined fields dpkg passes on.
bool user_defined(std::string_view name) {
  if (name.size() < 2 || (name[0] != 'X' && name[0] != 'x')) return false;
  std::size_t i = 1;
  while (i < name.size() && std::string_view("SBCsbc").find(name[i]) != std::string_view::npos) ++i;
  return i < name.size() && name[i] == '-';
}

void check(const Context& ctx, Reporter& out) {
  if (ctx.deb822 == nullptr) return;
  const bool dsc = ctx.kind == frontend::FileKind::Dsc;
  const auto& paragraphs = ctx.deb822->paragraphs;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    // A .dsc has one paragraph (Kata's OBS templates add binary paragraphs to it).
    const bool source = i == 0;
    for (const auto& f : paragraphs[i].fields) {
      if (has_placeholder(f.name)) continue;
      if (user_defined(f.name)) {
        // dpkg-gencontrol strips XB- and writes the rest into the .deb, where lintian's list
        // of binary fields applies.
        const auto dash = f.name.find('-');
        const std::string_view prefix = std::string_view(f.name).substr(0, dash);
        const std::string_view rest = std::string_view(f.name).substr(dash + 1);
        const bool to_deb = prefix.find_first_of("Bb") != std::string_view::npos;
        if (!dsc && !source && to_deb && !listed(kBinaryFields, rest))
          out.report(f.name_range, fmt::format("'{}' reaches the .deb as '{}', a field dpkg does not know", f.name, rest));
        continue;
      }
      const bool known = source ? listed(kSourceFields, f.name) || (dsc && listed(kDscFields, f.name))
                                : listed(kBinaryFields, f.name);
      if (known) continue;
      out.report(f.name_range, fmt::format("unknown field '{}' in the {} paragraph; dpkg drops it", f.name,
                                           source ? "source" : "binary"));
    }
  }
}

}  // namespace

extern const RuleInfo unknown_field;  // listed in rules/rules.def
constinit const RuleInfo unknown_field{
    .id = "unknown-field",
    .severity = ir::Severity::Warning,
    .summary = "a field dpkg does not know and that has no X[SBC]- prefix",
    .kinds = kind_bit(frontend::FileKind::DebianControl) | kind_bit(frontend::FileKind::Dsc),
    .doc = {.what = R"md(Reports a field of `debian/control` or a `.dsc` that dpkg does not know in that paragraph and that is not marked as user-defined with an `X[SBC]-` prefix, and a user-defined `XB-` field of a binary paragraph whose name, once dpkg-gencontrol strips the prefix, is not a known binary package field.)md",
             .why = R"md(dpkg-source and dpkg-gencontrol warn about unknown fields and leave them out of the generated `.dsc` and `.deb`, so the information never reaches the archive. lintian reports `unknown-field`.)md",
             .example = R"md(Source: example
Section: utils
Priority: optional
Maintainer: Jane Doe <jane@example.org>
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no
Go-Import-Path: example.org/example

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
Build-Depends: debhelper-compat (= 13)
Standards-Version: 4.6.2
Rules-Requires-Root: no
XS-Go-Import-Path: example.org/example

Package: example
Architecture: any
Depends: ${shlibs:Depends}, ${misc:Depends}
Description: greeting tool
 An example package that prints a greeting.
)md",
             .fix_safety = R"md(katalint offers no fix: the right change depends on the package.)md",
             .reference = R"md(deb-src-control(5), deb-control(5), Debian Policy 5.7; lintian `unknown-field`; rules-debian.md DEB-C007.)md",
             .example_file = "debian/control"},
    .check = check,
};

}  // namespace katalint::rules
